package cn.campaign.pipeline.command;

/** The command line does not follow the usage: exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
