import type { Adapter } from '@faultline/core'
import { medblocksAdapter } from '@faultline/medblocks'
import { scribeAdapter } from '@faultline/scribe'

/** The adapters `normalizeError` knows out of the box, by vendor id. */
export const bundledAdapters: ReadonlyArray<Adapter> = [medblocksAdapter, scribeAdapter]
