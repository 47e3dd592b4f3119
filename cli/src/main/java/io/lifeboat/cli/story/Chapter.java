package io.lifeboat.cli.story;

/** One chapter of the demo's story: it does something to the running stack and checks what Lifeboat did. */
interface Chapter {

    /** The chapter's title, as the summary table shows it. */
    String title();

    /**
     * Tells the chapter on {@code stage}.
     *
     * @return one line of what was measured
     * @throws StoryFailure when something the chapter shows did not happen
     * @throws Exception when the stack could not be reached
     */
    String tell(StoryStage stage) throws Exception;
}
