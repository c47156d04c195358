// Mail settings: roles, addresses, precedence, targets and the provider table.
export * from './roles';
export * from './addresses';
export * from './precedence';
export * from './mailSettings';
export * from './target';
export * from './providers';
