/** The most emails found in any window of `length` ms (windows start at an email): how pacing is checked. */
export function busiest(times: number[], length: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + length) j++;
    most = Math.max(most, j - i);
  }
  return most;
}
