import { memoBySelection } from '../../src/engine/memoBySelection';
import { infoOf } from '../support/resolveInfo';

describe('memoBySelection', () => {
  it('computes once per field node and variable values, again for other variables or another document', () => {
    let calls = 0;
    const f = memoBySelection((info) => (calls++, `${info.fieldNodes[0]?.name.value}:${JSON.stringify(info.variableValues)}`));
    const doc = infoOf('query($y: Boolean!) { node(id: "x") { id @include(if: $y) } }', { y: true });
    expect(f(doc)).toBe('node:{"y":true}');
    expect(f({ ...doc })).toBe('node:{"y":true}');
    expect(calls).toBe(1);
    expect(f({ ...doc, variableValues: { y: false } })).toBe('node:{"y":false}');
    expect(calls).toBe(2);
    // The same text parsed again is another document: computed again.
    f(infoOf('query($y: Boolean!) { node(id: "x") { id @include(if: $y) } }', { y: true }));
    expect(calls).toBe(3);
  });

  it('keeps at most 16 variable sets per field node, the oldest out first', () => {
    let calls = 0;
    const f = memoBySelection(() => ++calls);
    const doc = infoOf('query($n: Int) { node(id: "x") { id } }', { n: 0 });
    for (let n = 0; n < 17; n++) f({ ...doc, variableValues: { n } });
    expect(calls).toBe(17);
    f({ ...doc, variableValues: { n: 16 } });
    expect(calls).toBe(17);
    f({ ...doc, variableValues: { n: 0 } });
    expect(calls).toBe(18);
  });
});
