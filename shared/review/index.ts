export * from './actions';
export * from './content-rules';
export * from './permissions';
export * from './task-lists';
export * from './terms';
export * from './view';
export * from './vocabulary-ru';
