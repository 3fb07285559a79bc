package dev.closeout.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A database URL in a message: never its credentials. */
class DatabaseProblemTest {

    @Test
    void aUrlIsShownWithoutItsUserPasswordOrParameters() {
        assertEquals("jdbc:mysql://db.internal:3306/closeout",
                DatabaseProblem.withoutSecrets("jdbc:mysql://closeout:s3cret@db.internal:3306/closeout?password=s3cret"));
    }

    @Test
    void aPlainUrlIsShownAsItIs() {
        assertEquals("jdbc:mysql://db.internal:3306/closeout",
                DatabaseProblem.withoutSecrets("jdbc:mysql://db.internal:3306/closeout"));
    }
}
