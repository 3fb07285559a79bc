package dev.closeout.postmortem;

/** The same API on MariaDB/MySQL, the test database of every other test. */
class PostmortemApiMariaDbTest extends PostmortemApiContract {
}
