package dev.underlay.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;

/** The console's two looks: AtlantaFX Primer light and dark as user-agent stylesheet, plus app.css on top. */
public enum Theme {
    LIGHT("light"),
    DARK("dark");

    /** Classpath location of the one application stylesheet. */
    public static final String APP_CSS = "/assets/css/app.css";

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The AtlantaFX stylesheet URL for {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** The theme with this id, or {@link #LIGHT} for anything unknown (an old or hand-edited setting). */
    public static Theme fromId(String id) {
        String t = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return t.equals(DARK.id) ? DARK : LIGHT;
    }
}
