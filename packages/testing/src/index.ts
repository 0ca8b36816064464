export * from './medipim'
export * from './medable'
