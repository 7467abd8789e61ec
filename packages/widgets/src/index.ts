/**
 * @portico/widgets: Portico's web components. Importing this module has no
 * side effects; import `@portico/widgets/portico-widgets.js` (or a
 * component's `<name>.js`) to register the tags.
 */
export * from './client-index.js';
export * from './admin-index.js';
