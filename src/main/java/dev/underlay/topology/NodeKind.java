package dev.underlay.topology;

/** What a vertex of the topology stands for, with the size it is drawn at (layout units). */
public enum NodeKind {
    SITE("site", 150, 34),
    RACK("rack", 130, 28),
    MACHINE("machine", 130, 24),
    CLUSTER("cluster", 150, 34),
    ROLE_GROUP("role", 130, 28);

    private final String id;
    private final double width;
    private final double height;

    NodeKind(String id, double width, double height) {
        this.id = id;
        this.width = width;
        this.height = height;
    }

    /** The prefix of node ids and the word the hover summary uses. */
    public String id() {
        return id;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }
}
