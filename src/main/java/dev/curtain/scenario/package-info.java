/**
 * The scenario file format (version 1): the validated model ({@link dev.curtain.scenario.Scenario}, cue points,
 * view hints) and, kept apart from it, the JSON layer. The only package where Jackson appears.
 *
 * <p>How the pieces fit: {@link dev.curtain.scenario.Json} is the file-shaped layer (the format's data transfer
 * objects): Jackson's streaming parser builds it with the line, column and JSON path of every value, and Jackson's
 * generator writes it. {@code ScenarioReader} maps it to the model and collects every error as
 * {@link dev.curtain.scenario.ScenarioError} ({@code FILE:LINE:COL: message (at $.path)}) through
 * {@code FieldReader} (typed access that records problems instead of throwing) and {@code DidYouMean} (the
 * suggestion for a misspelt name); {@code ScenarioWriter}
 * maps the model back. {@link dev.curtain.scenario.ScenarioFiles} is the API the app and the command line call
 * (load never throws for bad content; save is atomic). Jackson's databind is not used to read files at all, so no
 * polymorphic typing can ever be triggered by a document. {@link dev.curtain.scenario.FormatV1} holds the
 * vocabulary and limits that the reader, the writer, the JSON Schema and the documentation share. Each operation is
 * defined once in {@code OpFormats} (its key, fields, defaults, reader, writer and schema entry), and every enum a
 * file names is spelled through an explicit {@code KeyTable} ({@code FileKeys}), never by its order or Java name.
 *
 * <p>Also here: {@link dev.curtain.scenario.Lessons} (the built-in lessons), {@link dev.curtain.scenario.Exploration}
 * (a scenario over many seeds) and {@link dev.curtain.scenario.ScenarioWarnings} (likely authoring mistakes).
 */
package dev.curtain.scenario;
