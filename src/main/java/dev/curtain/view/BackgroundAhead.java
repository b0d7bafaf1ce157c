package dev.curtain.view;

import dev.curtain.engine.state.SchedState;
import dev.curtain.render.BackgroundLayer;
import dev.curtain.render.BoxPicture;
import dev.curtain.render.DrawList;
import dev.curtain.render.Palette;
import dev.curtain.render.StageGeometry;
import dev.curtain.render.StageRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The next step's background, recorded in a frame before the step (by {@link StageView}'s preparing ahead) and
 * compared with the one on the canvas, with everything it was recorded from. Recording and comparing were most of
 * the application thread's share of the frame on which an event lands. The step uses it only if all of that is
 * still what it draws, the box pictures included: each one the recording asked for must be the one the box shows
 * once the step has placed it.
 */
record BackgroundAhead(SchedState from, StageGeometry fromGeo, SchedState to, StageGeometry toGeo, Palette palette,
                       int changedP, int selectedP, int[] asked, BoxPicture[] answers, DrawList list,
                       BackgroundLayer.Compared compared) {

    /**
     * Records the background of the move from {@code from} to {@code to} (laid out as {@code fromGeo}, {@code toGeo})
     * with the box pictures {@code guess} says the boxes will have, and compares it with what {@code layer} shows.
     */
    static BackgroundAhead record(StageRenderer renderer, BackgroundLayer layer, SchedState from,
                                  StageGeometry fromGeo, SchedState to, StageGeometry toGeo, Palette palette,
                                  int changedP, int selectedP, IntFunction<BoxPicture> guess) {
        List<Integer> asked = new ArrayList<>();
        List<BoxPicture> answers = new ArrayList<>();
        DrawList list = renderer.recordBackground(fromGeo, from, toGeo, to, palette, changedP, selectedP, m -> {
            BoxPicture p = guess.apply(m);
            asked.add(m);
            answers.add(p);
            return p;
        });
        return new BackgroundAhead(from, fromGeo, to, toGeo, palette, changedP, selectedP,
                asked.stream().mapToInt(Integer::intValue).toArray(), answers.toArray(new BoxPicture[0]), list,
                layer.compareAhead(list));
    }

    /** Whether the step about to draw this move, with these box {@code pictures}, would record the same. */
    boolean holdsFor(SchedState fromNow, StageGeometry fromGeoNow, SchedState toNow, StageGeometry toGeoNow,
                     Palette paletteNow, int changedPNow, int selectedPNow, IntFunction<BoxPicture> pictures) {
        if (!madeFrom(fromNow, fromGeoNow, toNow, toGeoNow, paletteNow, changedPNow, selectedPNow)) {
            return false;
        }
        for (int i = 0; i < asked.length; i++) {
            if (pictures.apply(asked[i]) != answers[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether it was recorded for this move, this palette and these rings (the pictures aside). */
    boolean madeFrom(SchedState fromNow, StageGeometry fromGeoNow, SchedState toNow, StageGeometry toGeoNow,
                     Palette paletteNow, int changedPNow, int selectedPNow) {
        return from == fromNow && fromGeo == fromGeoNow && to == toNow && toGeo == toGeoNow
                && palette == paletteNow && changedP == changedPNow && selectedP == selectedPNow;
    }
}
