package io.lifeboat.cli.story;

/** A chapter of the demo's story saw something other than what it shows; the message says what and where. */
public final class StoryFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message naming the object and the cause. */
    public StoryFailure(String message) {
        super(message);
    }
}
