import fc from 'fast-check';

// Property tests draw the same cases on every run, so CI is reproducible; FC_SEED explores others
// (fast-check prints the seed and path of any counterexample to replay it).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
