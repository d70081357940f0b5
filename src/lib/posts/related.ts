/**
 * "Related posts" from the words posts share, at build time and without a
 * model. Each post is reduced to its most distinctive terms (TF-IDF), and an
 * inverted index from term to posts finds candidates, so the work grows with
 * the number of posts rather than with its square.
 */

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom why will
  with would you your yours yourself yourselves also one two get got like make made much many may might must really
  still even well way use used using thing things something lot don doesn isn didn wasn it's i'm i've you're that's`.split(/\s+/),
);

export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*[\p{L}\p{N}]/gu) ?? []).filter(
    (word) => word.length > 2 && !STOP_WORDS.has(word) && !/^\d+$/.test(word),
  );
}

export interface RelatedInput {
  id: string;
  text: string;
  tags: string[];
}

const TERMS_PER_POST = 24;
const TAG_WEIGHT = 0.15;
const MAX_POSTINGS = 250;

/** For each post id, up to `count` related post ids, best first. */
export function relatedPosts(posts: RelatedInput[], count = 3): Map<string, string[]> {
  const documentFrequency = new Map<string, number>();
  const counts = posts.map((post) => {
    const frequencies = new Map<string, number>();
    for (const term of terms(post.text)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    for (const term of frequencies.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    return frequencies;
  });

  const vectors = counts.map((frequencies) => {
    const total = [...frequencies.values()].reduce((sum, n) => sum + n, 0) || 1;
    const weighted = [...frequencies].map(([term, n]): [string, number] => [
      term,
      (n / total) * Math.log(1 + posts.length / (documentFrequency.get(term) ?? 1)),
    ]);
    const top = weighted.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TERMS_PER_POST);
    const norm = Math.hypot(...top.map(([, weight]) => weight)) || 1;
    return new Map(top.map(([term, weight]) => [term, weight / norm]));
  });

  // Postings as two flat lists per term (posts, weights): objects per posting made the scan below slow.
  const index = new Map<string, { posts: number[]; weights: number[] }>();
  vectors.forEach((vector, post) => {
    for (const [term, weight] of vector) {
      const postings = index.get(term);
      if (postings) {
        postings.posts.push(post);
        postings.weights.push(weight);
      } else index.set(term, { posts: [post], weights: [weight] });
    }
  });
  const postTags = tagNumbers(posts);
  const tagged = new Uint8Array(postTags.count);

  const result = new Map<string, string[]>();
  // Scores live in arrays indexed by post, reset through the list of posts each round touched:
  // a Map per post, and sorting every candidate to keep three, cost more than the scoring itself.
  const scores = new Float64Array(posts.length);
  const touchedIn = new Int32Array(posts.length).fill(-1);
  posts.forEach((post, i) => {
    const touched: number[] = [];
    for (const [term, weight] of vectors[i] ?? []) {
      const postings = index.get(term);
      // A term in a huge share of posts' top terms says little and would make the scan quadratic.
      if (!postings || postings.posts.length > MAX_POSTINGS) continue;
      const { posts: others, weights } = postings;
      for (let at = 0; at < others.length; at++) {
        const other = others[at] as number;
        if (other === i) continue;
        if (touchedIn[other] !== i) {
          touchedIn[other] = i;
          scores[other] = 0;
          touched.push(other);
        }
        scores[other] = (scores[other] as number) + weight * (weights[at] as number);
      }
    }
    const own = postTags.of[i] ?? [];
    for (const tag of own) tagged[tag] = 1;
    const best: [number, number][] = [];
    for (const other of touched) {
      let shared = 0;
      for (const tag of postTags.of[other] ?? []) shared += tagged[tag] as number;
      keepBest(best, [other, (scores[other] ?? 0) + shared * TAG_WEIGHT], count);
    }
    for (const tag of own) tagged[tag] = 0;
    result.set(post.id, best.map(([other]) => posts[other]?.id ?? "").filter(Boolean));
  });
  return result;
}

/** Each post's distinct tags as small numbers, so that counting shared tags needs no sets. */
function tagNumbers(posts: RelatedInput[]): { of: number[][]; count: number } {
  const numbers = new Map<string, number>();
  const of = posts.map((post) =>
    [...new Set(post.tags)].map((tag) => numbers.get(tag) ?? numbers.set(tag, numbers.size).size - 1),
  );
  return { of, count: numbers.size };
}

/** Higher score first, then the earlier post. */
const ranksBefore = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);

/** Inserts `candidate` into `best`, kept in rank order and at most `count` long. */
function keepBest(best: [number, number][], candidate: [number, number], count: number): void {
  let at = best.length;
  while (at > 0 && ranksBefore(candidate, best[at - 1] as [number, number])) at--;
  if (at >= count) return;
  best.splice(at, 0, candidate);
  if (best.length > count) best.pop();
}
