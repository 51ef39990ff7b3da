/** A phone held upright: the narrowest screen every page must work on. */
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

/** Context options of a phone: narrow viewport, touch, mobile rendering (for `test.use` or `browser.newContext`). */
export const PHONE_DEVICE = { viewport: PHONE, isMobile: true, hasTouch: true };
