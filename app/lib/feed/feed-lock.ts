// PostgreSQL gives out positions ("FeedEvent"."position", a sequence) when rows are inserted, but transactions commit
// in any order: a reader could see position 8 committed while 7 is still to come, move on, and never see 7. So every
// transaction that adds events takes this one lock just before its insert and holds it to its commit: positions are
// then handed out in commit order, and a position is visible only once every smaller one is (or was rolled back).
// The two-key form has a key space of its own, apart from the envelope locks' single keys. SQLite has one writer
// at a time, so its positions follow the commits by themselves.

/** "feed" in ASCII, and the feed's number. */
export const FEED_LOCK_SQL = 'SELECT pg_advisory_xact_lock(1717920100, 1) IS NULL AS "locked"';
