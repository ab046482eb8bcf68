export * from './lib/milestone-dialog-data';
export * from './lib/milestone-edit-dialog/milestone-edit-dialog';
export * from './lib/milestone-complete-dialog/milestone-complete-dialog';
export * from './lib/milestone-status-dialog/milestone-status-dialog';
