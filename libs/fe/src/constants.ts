/** Slots of one day: 15 minutes each. A day is one label. */
export const SLOTS_PER_DAY = 96;
/** Largest |Wh| one reading may carry. */
export const READING_BOUND = 2 ** 24;
/** Largest |inner product| a bill may reach (thousandths of a minor unit). */
export const BILL_BOUND = 2 ** 32;
/** Largest bound the solver accepts: beyond it a bill would take hours of giant steps. */
export const MAX_DLOG_BOUND = 2 ** 48;
export const SEED_BYTES = 32;
export const CIPHERTEXT_BYTES = 32;
export const FUNCTIONAL_KEY_BYTES = 64;
