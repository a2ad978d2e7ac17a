export * from './enums';
export * from './field-labels';
export * from './numbering';
export * from './schema';
