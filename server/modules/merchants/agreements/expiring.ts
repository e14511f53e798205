/** Agreements ending within this many days count as "to renew": on the coverage report, in the list filter and in reminders. */
export const expiringWithinDays = 30;
