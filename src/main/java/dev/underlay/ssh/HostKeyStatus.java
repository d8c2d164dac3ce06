package dev.underlay.ssh;

/** A presented host key compared with the store. */
public enum HostKeyStatus {
    /** No key is known for the endpoint. */
    NEW,
    /** The presented key is a known key of the endpoint. */
    KNOWN,
    /** Other keys are known for the endpoint and this one is not among them: never accepted automatically. */
    CHANGED,
    /** The presented key is marked revoked for the endpoint. */
    REVOKED,
    /** The key could not be obtained (host down, refused, ...); see the message. */
    FAILED
}
