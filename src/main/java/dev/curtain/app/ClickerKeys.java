package dev.curtain.app;

import dev.curtain.view.model.Playback;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keys a presenter and a presentation clicker use (a clicker sends PageDown, PageUp, F5, Esc and B): playback,
 * speed, presenting, blanking, the speaker notes. Ignored while typing in a text field or with a modifier held (those
 * are the menus' accelerators). Any key first dismisses the stage guide, and only that.
 */
final class ClickerKeys {
    private final Playback pb;
    private final PresenterMode presenter;
    private final GuideSlot guide;

    ClickerKeys(Playback pb, PresenterMode presenter, GuideSlot guide) {
        this.pb = pb;
        this.presenter = presenter;
        this.guide = guide;
    }

    /** The scene's key-pressed filter. */
    void onKey(KeyEvent e) {
        if (guide.isShowing() && !e.getCode().isModifierKey()) {
            // any key dismisses the guide, and only that: the clicker's first press must not also step
            guide.close();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (handle(e.getCode(), e.getText(), e.isShiftDown())) {
            e.consume();
        }
    }

    /** True when the key did something. */
    private boolean handle(KeyCode k, String ch, boolean shift) {
        boolean presenting = presenter.isActive();
        switch (k) {
            case F5 -> presenter.toggle();
            case ESCAPE -> {
                if (!presenting) {
                    return false;
                }
                presenter.leave();
            }
            case B -> {
                if (!presenting) {
                    return false;
                }
                presenter.toggleBlank();
            }
            case N -> {
                if (!presenting) {
                    return false;
                }
                presenter.toggleNotes();
            }
            case SPACE -> pb.togglePlay();
            case RIGHT, PAGE_DOWN -> pb.stepForward();
            case LEFT, PAGE_UP -> pb.stepBack();
            case HOME -> pb.restart();
            case END -> pb.toEnd();
            case PLUS, ADD -> pb.faster();
            case MINUS, SUBTRACT -> pb.slower();
            default -> {
                // "+" is Shift+= on most layouts, and a key of its own on some
                if ((k == KeyCode.EQUALS && shift) || "+".equals(ch)) {
                    pb.faster();
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
