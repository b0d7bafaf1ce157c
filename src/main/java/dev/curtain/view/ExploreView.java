package dev.curtain.view;

import dev.curtain.view.model.ExplorationModel;
import dev.curtain.view.model.ExploreRow;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The Explore panel, "what could happen": runs the open scenario over N seeds in the background (with progress and
 * a cancel), lists each observation, divergence and outcome with the share of runs it happened in, and opens a run
 * where the selected one happened or one where it did not.
 */
public final class ExploreView extends VBox {
    private final ExplorationModel model;
    private final TableView<ExploreRow> table = new TableView<>();
    private final Button openWhere = new Button();
    private final Button openWhereNot = new Button();

    /**
     * @param cannotRun true while there is nothing to explore (no scenario, or a replayed log, which is one real run)
     * @param run       starts the runs on the scenario on show
     * @param open      opens the run with this seed in the window
     */
    public ExploreView(ExplorationModel model, ObservableBooleanValue cannotRun, Runnable run, LongConsumer open) {
        this.model = model;
        getStyleClass().add("explore");
        setId("explore-panel");
        Label title = new Label("What could happen");
        title.getStyleClass().add("panel-title");

        Label runsLabel = new Label("Runs");
        Spinner<Integer> runs = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                ExplorationModel.MAX_RUNS, model.runsProperty().get(), 10));
        runs.setId("explore-runs");
        runs.setEditable(true);
        runs.setPrefWidth(96);
        runs.setMinWidth(Region.USE_PREF_SIZE);
        runs.setTooltip(new Tooltip("How many seeds to run: the seed of the run on show, and the ones after it"));
        runs.valueProperty().addListener((o, a, b) -> model.runsProperty().set(b));
        model.runsProperty().addListener((o, a, b) -> runs.getValueFactory().setValue(b.intValue()));
        runs.disableProperty().bind(model.runningProperty());
        Button start = new Button("Run");
        start.setId("explore-run");
        start.setDefaultButton(false);
        start.setTooltip(new Tooltip("Run the scenario on show over these seeds, in the background"));
        start.disableProperty().bind(Bindings.createBooleanBinding(
                () -> cannotRun.get() || model.runningProperty().get(), cannotRun, model.runningProperty()));
        start.setOnAction(e -> run.run());
        Button cancel = new Button("Cancel");
        cancel.setId("explore-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox controls = new HBox(8, runsLabel, runs, start, cancel);
        controls.getStyleClass().add("explore-controls");
        controls.setMinHeight(Region.USE_PREF_SIZE);

        ProgressBar progress = new ProgressBar();
        progress.setId("explore-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        // in a short window the table gives up height, never the bar (a VBox would squeeze it to nothing)
        progress.setMinHeight(Region.USE_PREF_SIZE);
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("explore-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());

        table.setId("explore-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("Nothing counted yet"));
        // share and runs keep their width; what happened takes the rest and wraps, so nothing is cut short
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("share", "share", ExploreRow::share, 52));
        table.getColumns().add(column("count", "runs", ExploreRow::count, 72));
        table.getColumns().add(whatColumn());
        table.setMinWidth(0);
        table.setMinHeight(0);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setOnMouseClicked(e -> {
            ExploreRow r = table.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && r != null && r.seedWhere() != null) {
                open.accept(r.seedWhere());
            }
        });

        openWhere.setId("explore-open-where");
        openWhereNot.setId("explore-open-where-not");
        for (Button b : new Button[] {openWhere, openWhereNot}) {
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setMinHeight(Region.USE_PREF_SIZE);
        }
        openWhere.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem().seedWhere()));
        openWhereNot.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem().seedWhereNot()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showOpenButtons(b));
        showOpenButtons(null);
        VBox opens = new VBox(6, openWhere, openWhereNot);
        opens.setMinHeight(Region.USE_PREF_SIZE);

        setSpacing(8);
        setMinWidth(0);
        getChildren().addAll(title, controls, progress, status, table, opens);
    }

    /** The table of what happened (tests read its rows as shown). */
    public TableView<ExploreRow> table() {
        return table;
    }

    /** Widens the columns with the window's text size (1 = 100%), as the inspector's. */
    public void setTextScale(double scale) {
        for (TableColumn<ExploreRow, ?> c : table.getColumns()) {
            double w = (Double) c.getProperties().get("baseWidth") * scale;
            c.setPrefWidth(w);
            if (!"explore-col-what".equals(c.getId())) {
                c.setMinWidth(w);
            }
        }
    }

    private void showOpenButtons(ExploreRow r) {
        openWhere.setText(r == null || r.seedWhere() == null ? "Open a run where it happened"
                : "Open a run where it happened (seed " + r.seedWhere() + ")");
        openWhereNot.setText(r == null || r.seedWhereNot() == null ? "Open a run where it did not"
                : "Open a run where it did not (seed " + r.seedWhereNot() + ")");
        openWhere.setDisable(r == null || r.seedWhere() == null);
        openWhereNot.setDisable(r == null || r.seedWhereNot() == null);
    }

    /**
     * A row's kind ("observation", small and muted) above its description, which wraps to the column's width (a
     * {@link Text} with a wrapping width, so the row's height follows it).
     */
    static final class WhatCell extends TableCell<ExploreRow, ExploreRow> {
        private final Label kind = new Label();
        private final Text what = new Text();
        private final VBox box = new VBox(1, kind, what);

        WhatCell(TableColumn<ExploreRow, ExploreRow> column) {
            kind.getStyleClass().add("explore-kind");
            what.getStyleClass().add("explore-what");
            what.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
            setText(null);
            setPrefHeight(Region.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(ExploreRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            kind.setText(row.kind());
            what.setText(row.what());
            setGraphic(box);
        }
    }

    private static TableColumn<ExploreRow, String> column(String id, String title,
                                                          java.util.function.Function<ExploreRow, String> text,
                                                          double width) {
        TableColumn<ExploreRow, String> c = new TableColumn<>(title);
        c.setId("explore-col-" + id);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(text.apply(v.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.getProperties().put("baseWidth", width);
        return c;
    }

    /** What happened, under its kind ("observation", "divergence", …); wrapped to the column. */
    private static TableColumn<ExploreRow, ExploreRow> whatColumn() {
        TableColumn<ExploreRow, ExploreRow> c = new TableColumn<>("what happened");
        c.setId("explore-col-what");
        c.setSortable(false);
        c.setPrefWidth(300);
        c.getProperties().put("baseWidth", 300.0);
        c.setCellValueFactory(v -> new javafx.beans.property.ReadOnlyObjectWrapper<>(v.getValue()));
        c.setCellFactory(WhatCell::new);
        return c;
    }
}
