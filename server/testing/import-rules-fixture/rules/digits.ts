export const digitsOnly = (text: string): boolean => /^[0-9]+$/.test(text);
