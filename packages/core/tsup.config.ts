import { packageConfig } from '../../tsup.shared'

// Two entries: the public API, and what the bundled adapters share (`@faultline/core/internal`).
export default packageConfig({ entry: ['src/index.ts', 'src/internal.ts'] })
