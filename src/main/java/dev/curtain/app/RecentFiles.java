package dev.curtain.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files opened lately, newest first, kept in the user's preferences so the File menu remembers them
 * between sessions. Tests give it a node of their own.
 */
public final class RecentFiles {
    static final int LIMIT = 8;
    private static final String KEY = "recentFiles";
    private final Preferences prefs;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        String stored = prefs.get(KEY, "");
        for (String line : stored.split("\n")) {
            if (!line.isBlank()) {
                files.add(Path.of(line));
            }
        }
    }

    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("dev/curtain"));
    }

    public ObservableList<Path> files() {
        return files;
    }

    /** Puts {@code file} first, dropping duplicates and the oldest beyond the limit. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(abs);
        next.add(0, abs);
        while (next.size() > LIMIT) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        save();
    }

    public void clear() {
        files.clear();
        save();
    }

    private void save() {
        StringBuilder b = new StringBuilder();
        for (Path p : files) {
            b.append(p).append('\n');
        }
        prefs.put(KEY, b.toString());
        try {
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // the list still works for this session; only persistence failed, which is not worth a dialog
        }
    }
}
