export * from './definition';
export * from './result';
export * from './standard';
export * from './table';
export * from './vocabulary-ru';
