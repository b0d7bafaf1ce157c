package dev.curtain.engine.program;

/** Linux namespaces a thread can enter with setns(2) or leave with unshare(2). */
public enum Namespace {
    NET, MNT, UTS, USER
}
