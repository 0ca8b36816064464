import { packageConfig } from '../../tsup.shared'

// The workspace packages are bundled in: one module graph of a few files instead of eleven packages to resolve
// at import (bare-specifier resolution was a quarter of `import('faultline')`, decision 019). io-ts and fp-ts
// stay dependencies. A program that also imports `@faultline/core` gets a second copy of it; faultline's
// guards (`isFaultlineError`, ...) recognize errors across copies, as they do across ESM and CJS.
export default packageConfig({ entry: ['src/index.ts'], noExternal: [/^@faultline\//] })
