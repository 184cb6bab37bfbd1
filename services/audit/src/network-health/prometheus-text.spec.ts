import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePrometheusText, sampleValue } from './prometheus-text';

// Shaped like an orderer's and a peer's /metrics (Fabric 3, prometheus provider).
const TEXT = `# HELP consensus_etcdraft_is_leader The leadership status of the current node: 1 if it is the leader else 0.
# TYPE consensus_etcdraft_is_leader gauge
consensus_etcdraft_is_leader{channel="nmichannel"} 1
consensus_etcdraft_is_leader{channel="other"} 0
consensus_etcdraft_active_nodes{channel="nmichannel"} 2
consensus_etcdraft_cluster_size{channel="nmichannel"} 3
# TYPE consensus_etcdraft_leader_changes counter
consensus_etcdraft_leader_changes{channel="nmichannel"} 4
ledger_blockchain_height{channel="nmichannel"} 1.2345e+04
go_gc_duration_seconds{quantile="0.5"} 3.1e-05
process_start_time_seconds 1.7e+09
weird_label{path="a\\"b\\\\c",x="y"} 7 1700000000000
histogram_bucket{le="+Inf"} +Inf
broken{channel="x" 3
not a sample line
`;

describe('parsePrometheusText', () => {
  const samples = parsePrometheusText(TEXT);

  it('reads names, labels and values, skipping comments and unreadable lines', () => {
    assert.equal(sampleValue(samples, 'consensus_etcdraft_is_leader', { channel: 'nmichannel' }), 1);
    assert.equal(sampleValue(samples, 'consensus_etcdraft_is_leader', { channel: 'other' }), 0);
    assert.equal(sampleValue(samples, 'consensus_etcdraft_active_nodes', { channel: 'nmichannel' }), 2);
    assert.equal(sampleValue(samples, 'consensus_etcdraft_leader_changes', { channel: 'nmichannel' }), 4);
    assert.equal(sampleValue(samples, 'ledger_blockchain_height', { channel: 'nmichannel' }), 12_345);
    assert.equal(sampleValue(samples, 'process_start_time_seconds'), 1.7e9);
    assert.equal(sampleValue(samples, 'histogram_bucket', { le: '+Inf' }), Infinity);
    assert.equal(
      samples.some((sample) => sample.name === 'broken' || sample.name === 'not'),
      false,
    );
  });

  it('unescapes label values and ignores a timestamp', () => {
    const weird = samples.find((sample) => sample.name === 'weird_label');
    assert.deepEqual(weird, { name: 'weird_label', labels: { path: 'a"b\\c', x: 'y' }, value: 7 });
  });

  it('answers undefined for a missing metric or label', () => {
    assert.equal(sampleValue(samples, 'consensus_etcdraft_is_leader', { channel: 'absent' }), undefined);
    assert.equal(sampleValue(samples, 'absent_metric'), undefined);
    assert.deepEqual(parsePrometheusText(''), []);
  });
});
