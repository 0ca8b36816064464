import { packageConfig } from '../../tsup.shared'

// One executable ESM file, as the bin was when it was built inside `faultline`. The workspace packages
// (faultline included) are bundled in from their sources, through the root tsconfig's paths: one copy of
// `@faultline/core` and of the others (their dist files each bundle their own), and no bare specifier of ours
// to resolve at start-up. io-ts, fp-ts and yaml stay dependencies (yaml is loaded only for `.yaml` / `.yml` rules).
// The shebang of src/cli.ts is kept, and tsup makes the file executable.
export default packageConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  tsconfig: '../../tsconfig.json',
  noExternal: [/^@faultline\//, /^faultline$/],
})
