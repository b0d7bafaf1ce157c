package dev.curtain.view;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.Property;
import dev.curtain.view.model.Durations;
import dev.curtain.view.model.Entity;
import dev.curtain.view.model.ThreadRow;
import dev.curtain.view.model.ViewerModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The right-hand panel: every thread's per-thread properties, diverged cells red ({@code :diverged}) against the
 * process baseline, a legend, and the selected G, P or M with its history (click an entry to go there).
 */
public final class InspectorView extends VBox {
    public static final PseudoClass DIVERGED = PseudoClass.getPseudoClass("diverged");
    public static final PseudoClass EXITED = PseudoClass.getPseudoClass("exited");

    private final TableView<ThreadRow> table = new TableView<>();
    private final Map<Property, TableColumn<ThreadRow, ?>> propertyColumns = new EnumMap<>(Property.class);

    public InspectorView(ViewerModel model) {
        getStyleClass().add("inspector");
        setId("inspector");
        Label title = new Label("Threads and their properties");
        title.getStyleClass().add("panel-title");

        table.setId("thread-table");
        table.getStyleClass().add("thread-table");
        table.setItems(model.threads());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No threads yet"));
        TableColumn<ThreadRow, String> mCol = new TableColumn<>("M");
        // an imported run's threads by their real ids ("tid 12345")
        mCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.facts().threadName(c.getValue().m()) + "  "
                + c.getValue().role()));
        // room for "M12  template" whole
        mCol.setPrefWidth(124);
        TableColumn<ThreadRow, String> stateCol = new TableColumn<>("state");
        stateCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.facts().realIds(c.getValue().state())));
        stateCol.setPrefWidth(112);
        table.getColumns().add(mCol);
        table.getColumns().add(stateCol);
        for (Property p : Property.values()) {
            TableColumn<ThreadRow, ThreadRow> col = new TableColumn<>(p == Property.PRIVATE_FS ? "fs" : p.key());
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            col.setCellFactory(c -> new PropertyCell(p));
            col.setPrefWidth(switch (p) {
                case CAPS -> 52;
                case SIGMASK -> 84;
                case PRIVATE_FS -> 60;
                // namespace names are what diverges most often: room for "container" without an ellipsis
                case NETNS, MNTNS, UTSNS -> 88;
                default -> 42;
            });
            col.setId("col-" + p.key());
            table.getColumns().add(col);
            propertyColumns.put(p, col);
        }
        // In a narrow panel the table scrolls sideways, and a red column at its far end would be out of sight: the
        // properties some thread diverged in come first, right after the state, each time that set changes.
        model.threads().addListener((ListChangeListener<ThreadRow>) c -> bringDivergedForward());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && table.isFocused()) {
                model.select(Entity.m(b.m()));
            }
        });
        table.setOnMouseClicked(e -> {
            ThreadRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                model.select(Entity.m(r.m()));
            }
        });
        table.setPrefHeight(240);
        // the table scrolls sideways in a narrow window; it must not make the whole panel wider than its place
        table.setMinWidth(0);
        setMinWidth(0);
        VBox.setVgrow(table, Priority.ALWAYS);

        Region swatch = new Region();
        swatch.getStyleClass().add("legend-swatch-diverged");
        Label legendText = new Label("differs from the process: this thread alone was changed");
        legendText.getStyleClass().add("legend-text");
        legendText.setWrapText(true);
        legendText.setMinHeight(Region.USE_PREF_SIZE);
        legendText.setMinWidth(0);
        HBox.setHgrow(legendText, Priority.ALWAYS);
        HBox legend = new HBox(8, swatch, legendText);
        legend.getStyleClass().add("inspector-legend");

        Label selTitle = new Label();
        selTitle.getStyleClass().add("selection-title");
        selTitle.setId("selection-title");
        selTitle.textProperty().bind(model.selectionTitleProperty());
        Label hint = new Label("Click a goroutine, a P or a thread on the stage to follow it.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.visibleProperty().bind(model.selectionTitleProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        ListView<String> details = new ListView<>(model.selectionDetails());
        details.getStyleClass().add("selection-details");
        details.setId("selection-details");
        details.setFocusTraversable(false);
        details.setPrefHeight(150);
        details.visibleProperty().bind(model.selectionTitleProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        ListView<Event> history = new ListView<>(model.selectionHistory());
        history.setId("selection-history");
        history.getStyleClass().add("selection-history");
        history.setCellFactory(l -> new HistoryCell(model));
        history.setPrefHeight(180);
        history.visibleProperty().bind(model.selectionTitleProperty().isNotEmpty());
        history.managedProperty().bind(history.visibleProperty());
        // entries ahead of the viewer are dimmed, so the list is redrawn as the viewer moves
        model.playback().indexProperty().addListener((o, a, b) -> history.refresh());
        history.setOnMouseClicked(e -> {
            Event ev = history.getSelectionModel().getSelectedItem();
            if (ev != null) {
                model.seekToEvent(ev.seq());
            }
        });
        Label selHeader = new Label("Selection");
        selHeader.getStyleClass().add("panel-title");
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox selection = new VBox(6, selHeader, hint, selTitle, details, history);
        VBox.setVgrow(selection, Priority.ALWAYS);
        selection.getStyleClass().add("selection-panel");
        // an imported run's step on show, with its stack (hidden for a simulation)
        EventDetailsView step = new EventDetailsView(model);
        // the table's header and a few rows stay readable when the step section takes room (1280x720)
        table.minHeightProperty().bind(javafx.beans.binding.Bindings.when(step.visibleProperty()).then(84.0)
                .otherwise(Region.USE_COMPUTED_SIZE));
        getChildren().addAll(title, table, legend, step, selection);
    }

    public TableView<ThreadRow> table() {
        return table;
    }

    /** The property columns in order: those diverged on some thread first, each group in the properties' order. */
    private void bringDivergedForward() {
        List<TableColumn<ThreadRow, ?>> diverged = new ArrayList<>();
        List<TableColumn<ThreadRow, ?>> rest = new ArrayList<>();
        for (Property p : Property.values()) {
            TableColumn<ThreadRow, ?> col = propertyColumns.get(p);
            boolean any = table.getItems().stream().anyMatch(r -> r.isDiverged(p));
            (any ? diverged : rest).add(col);
        }
        diverged.addAll(rest);
        List<TableColumn<ThreadRow, ?>> now = table.getColumns().subList(2, table.getColumns().size());
        if (!now.equals(diverged)) {
            table.getColumns().remove(2, table.getColumns().size());
            table.getColumns().addAll(diverged);
        }
    }

    /** Widens the columns with the window's text size (1 = 100%), so values are not cut at 150% or 200%. */
    public void setTextScale(double scale) {
        for (TableColumn<ThreadRow, ?> c : table.getColumns()) {
            Object base = c.getProperties().computeIfAbsent("baseWidth", k -> c.getPrefWidth());
            c.setPrefWidth((Double) base * scale);
        }
    }

    /** A property cell: the value, red when this thread's value differs from the process baseline. */
    static final class PropertyCell extends TableCell<ThreadRow, ThreadRow> {
        private final Property property;

        PropertyCell(Property property) {
            this.property = property;
            getStyleClass().addAll("property-cell", "property-" + property.key());
        }

        @Override
        protected void updateItem(ThreadRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean d = !empty && row != null && row.isDiverged(property);
            pseudoClassStateChanged(DIVERGED, d);
            pseudoClassStateChanged(EXITED, !empty && row != null && !row.alive());
            setText(empty || row == null ? null : row.display(property));
            if (!empty && row != null) {
                if (getTooltip() == null) {
                    setTooltip(new javafx.scene.control.Tooltip());
                }
                getTooltip().setText(property.key() + " = " + row.value(property));
            }
        }
    }

    /** One line of a selection's history: time, runtime function, what happened. */
    static final class HistoryCell extends ListCell<Event> {
        private final ViewerModel model;

        HistoryCell(ViewerModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(Event e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                return;
            }
            boolean ahead = e.seq() >= model.playback().getIndex();
            pseudoClassStateChanged(PseudoClass.getPseudoClass("ahead"), ahead);
            setText(Durations.format(e.timeNs()) + "   " + e.fn().goName() + "   " + model.describe(e));
        }
    }
}
