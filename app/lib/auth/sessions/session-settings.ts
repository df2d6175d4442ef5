/** A session unused this long ends. */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
/** However busy, a session ends this long after signing in. */
export const SESSION_MAX_SECONDS = 30 * 24 * 60 * 60;
/** Use is written down at most this often per session, so browsing does not write on every page. */
export const SESSION_TOUCH_AFTER_SECONDS = 60;
