/**
 * The scenario file format (version 1): the validated model ({@link dev.curtain.scenario.Scenario}, cue points) and,
 * kept apart from it, the Jackson DTOs that read and write JSON. The only package where Jackson appears.
 */
package dev.curtain.scenario;
