package dev.underlay.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The application icon (assets/icons/underlay.svg, rendered to PNGs) in the sizes window managers and task bars
 * pick from. The images load in the background, so the FX thread never waits on reading them.
 */
public final class AppIcon {
    /** The rendered sizes, in pixels: each is {@code /assets/icons/underlay-N.png} on the classpath. */
    public static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    /** The icon in every size, loading; for {@code stage.getIcons().setAll(...)}. */
    public static List<Image> images() {
        List<Image> out = new ArrayList<>(SIZES.length);
        for (int size : SIZES) {
            URL url = AppIcon.class.getResource("/assets/icons/underlay-" + size + ".png");
            if (url == null) {
                throw new IllegalStateException("the application icon underlay-" + size + ".png is not on the "
                        + "classpath (assets/icons)");
            }
            out.add(new Image(url.toExternalForm(), true));
        }
        return out;
    }
}
