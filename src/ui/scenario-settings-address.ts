/**
 * The address of the Scenario settings card (start month, horizon, options, currency): the Strategies screen,
 * scrolled to the card, its first field focused. In a module of its own so that linking to it (the Summary does)
 * does not load the Strategies screen's code.
 */
export const SCENARIO_SETTINGS_FRAGMENT = '#strategies?settings';
