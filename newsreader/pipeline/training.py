"""Train and evaluate the CRF name tagger (pure functions; the commands are thin).

`train` fits a linear-chain CRF with L-BFGS (python-crfsuite) on sentences of
(word, tag); everything is fixed so two runs give the same model. `evaluate`
scores a model with exact-match entity precision, recall and F1 per label and
micro-averaged, counting entities the way conlleval does (an I- tag that does
not continue an entity of its type starts one).

The work lives in four modules: `training_corpus` (data paths, reading, held-out
and weighted sentences), `training_clusters` (word classes and counts),
`training_crf` (one and two passes) and `training_scores` (entity scores, the
whole-pipeline evaluation). This module keeps the names callers import.
"""

from __future__ import annotations

from newsreader.pipeline.training_clusters import (
    build_clusters,
    name_words,
    plain_words,
    training_resources,
    write_clusters,
)
from newsreader.pipeline.training_corpus import (
    ANERCORP,
    AQMAR,
    TEST_FIXED,
    TEST_OFFICIAL,
    TRAIN_FILES,
    WIKI,
    DataError,
    _need,
    hold_out,
    test_sets,
    train_sentences,
    with_extra,
)
from newsreader.pipeline.training_crf import (
    DEFAULTS,
    FOLDS,
    SHARED,
    TrainResult,
    _fold_job,
    domain_items,
    folds_of,
    jackknife_tags,
    map_forked,
    train,
    train_model,
    train_two_pass,
)
from newsreader.pipeline.training_scores import (
    PIPELINE_LABELS,
    PIPELINE_SYSTEMS,
    Report,
    Score,
    entities,
    evaluate,
    evaluate_all,
    evaluate_pipeline,
    mention_key,
    pipeline_recogniser,
    pipeline_reports,
    predict,
    pseudo_articles,
    score,
    sentence_text,
)

__all__ = [
    "ANERCORP",
    "AQMAR",
    "DEFAULTS",
    "DataError",
    "FOLDS",
    "PIPELINE_LABELS",
    "PIPELINE_SYSTEMS",
    "Report",
    "SHARED",
    "Score",
    "TEST_FIXED",
    "TEST_OFFICIAL",
    "TRAIN_FILES",
    "TrainResult",
    "WIKI",
    "_fold_job",
    "_need",
    "build_clusters",
    "domain_items",
    "entities",
    "evaluate",
    "evaluate_all",
    "evaluate_pipeline",
    "folds_of",
    "hold_out",
    "jackknife_tags",
    "map_forked",
    "mention_key",
    "name_words",
    "pipeline_recogniser",
    "pipeline_reports",
    "plain_words",
    "predict",
    "pseudo_articles",
    "score",
    "sentence_text",
    "test_sets",
    "train",
    "train_model",
    "train_sentences",
    "train_two_pass",
    "training_resources",
    "with_extra",
    "write_clusters",
]
