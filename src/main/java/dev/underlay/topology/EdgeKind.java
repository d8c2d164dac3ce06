package dev.underlay.topology;

/** Why two vertices are joined: where a thing sits, which group it belongs to, or which host it is reached through. */
public enum EdgeKind {
    /** Site to rack, rack (or site, or cloud region) to machine. */
    CONTAINS,
    /** Cluster to role group, role group to member machine. */
    MEMBER,
    /** Bastion (jump host) to a machine reached through it ({@code ssh_bastion}). */
    JUMP
}
