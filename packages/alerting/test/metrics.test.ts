import { describe, expect, it } from 'vitest'
import { Counter, Registry } from 'prom-client'
import { createMetrics, type CounterLike, type MetricLabelName } from '@faultline/alerting'
import { errors } from './fixtures/errors'

describe('createMetrics', () => {
  it('counts errors in faultline_errors_total on a real prom-client registry, with bounded labels', async () => {
    const registry = new Registry()
    const metrics = createMetrics(registry, { Counter })
    metrics.record(errors.medblocksInvalidApiKey())
    metrics.record(errors.medblocksInvalidApiKey())
    metrics.record(errors.medblocksInvalidApiKey({ vendor: 'brand-new-vendor', reason: 'brand_new_reason', status: 418 }))
    metrics.record(errors.scribeSignatureMismatch(), 3)
    const text = await registry.metrics()
    expect(text).toContain('# TYPE faultline_errors_total counter')
    expect(text).toContain('faultline_errors_total{vendor="medblocks",kind="authentication",reason="invalid_credentials",status="401",recognized="true",retryable="false"} 2')
    expect(text).toContain('faultline_errors_total{vendor="other",kind="authentication",reason="other",status="4xx",recognized="true",retryable="false"} 1')
    expect(text).toContain('faultline_errors_total{vendor="scribe",kind="signature",reason="signature_mismatch",status="none",recognized="true",retryable="false"} 3')
  })

  it('takes a label policy and a metric name', async () => {
    const registry = new Registry()
    const metrics = createMetrics(registry, { Counter, labels: { vendors: ['acme'] }, name: 'acme_errors_total' })
    metrics.record(errors.medblocksInvalidApiKey({ vendor: 'acme' }))
    expect(metrics.labelsOf(errors.medblocksInvalidApiKey()).vendor).toBe('other')
    expect(await registry.metrics()).toContain('acme_errors_total{vendor="acme"')
  })

  it('needs no prom-client at runtime: any Counter-shaped class works', () => {
    const increments: Array<[Partial<Record<MetricLabelName, string>>, number | undefined]> = []
    const registries: Array<unknown> = []
    class FakeCounter implements CounterLike {
      constructor(configuration: { registers: Array<string>; labelNames: ReadonlyArray<string> }) {
        registries.push(...configuration.registers)
        expect(configuration.labelNames).toEqual(['vendor', 'kind', 'reason', 'status', 'recognized', 'retryable'])
      }
      inc(labels: Partial<Record<MetricLabelName, string>>, value?: number) {
        increments.push([labels, value])
      }
    }
    const metrics = createMetrics('my-registry', { Counter: FakeCounter })
    metrics.record(errors.medipimTooManyRequests())
    expect(registries).toEqual(['my-registry'])
    expect(increments).toEqual([[{ vendor: 'medipim', kind: 'rate_limited', reason: 'throttled', status: '429', recognized: 'true', retryable: 'true' }, 1]])
  })
})
