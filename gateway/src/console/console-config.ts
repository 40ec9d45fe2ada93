/** The id of the element carrying the console's JSON configuration (`{ endpoint }`); read by the browser. */
export const CONSOLE_CONFIG_ELEMENT_ID = 'console-config';
