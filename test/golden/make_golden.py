#!/usr/bin/python3
"""PyTorch oracle for tfx: golden weights, inputs and expected outputs.

    /usr/bin/python3 test/golden/make_golden.py --case NAME[,NAME...] --out DIR
        [--seed S] [--self-check] [--model-dir DIR | --tfx-opt PATH]
    /usr/bin/python3 test/golden/make_golden.py --list

Every case writes three safetensors files into DIR:

    WEIGHTS.weights.safetensors   parameters, bound to `tfx.param` names
    NAME.inputs.safetensors       one tensor per argument `tfx.name`
    NAME.expected.safetensors     one tensor per result `tfx.name`

WEIGHTS is the case name for the per-op cases and the model name for the
whole-model cases, so that `teacher-tiny-encode`, `teacher-tiny-decode` and
`teacher-tiny-greedy` share `teacher-tiny.weights.safetensors`.

The reference computations are PyTorch modules (torch.nn.Linear, LayerNorm,
GELU, the MultiheadAttention math via F.multi_head_attention_forward, the Lite
Transformer convolutions via depthwise F.conv1d and unfold) whose state_dict
names are exactly the tfx parameter names. Everything is float32
and seeded, so the files are the same on every run. Before writing, each case
checks its tensors against the IR it belongs to (parameter names and shapes,
argument and result names, shapes and element types). `--self-check` also
recomputes every expected output with an independent float64 numpy
implementation and compares.

The replaced-model cases (REPLACED_CASES: teacher-tiny after tfx-opt
--replace-attention) check against the IR the pass wrote, read from
`--model-dir DIR` (DIR/CASE.mlir) or made with tfx-opt into --out.

See test/golden/README.md for the conventions and the case list.
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
import zlib

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:
    sys.exit("make_golden.py: error: needs PyTorch; run it with /usr/bin/python3")

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NUMERICS_INPUTS = os.path.join(REPO, "test", "Numerics", "Inputs")
MODELS_DIR = os.path.join(REPO, "examples", "models")

DEFAULT_SEED = 48  # chosen with --scan-seeds: see README.md
PAD, BOS, EOS = 0, 1, 2
LN_EPS = 1e-5
# Greedy decoding must not depend on float rounding: the smallest top-1/top-2
# logit gap over all steps must exceed this.
MIN_GREEDY_GAP = 1e-3

torch.set_num_threads(1)  # deterministic reductions, and fast enough


class GoldenError(Exception):
    pass


# ---------------------------------------------------------------------------
# PyTorch reference modules. Module paths are the tfx parameter names.
# ---------------------------------------------------------------------------

class Attention(nn.Module):
    """torch.nn.MultiheadAttention (batch first) with separate q/k/v weights.

    `keep` is [batch, key_len] bool, True = visible key (tfx polarity); torch
    wants the opposite, so `~keep` is passed as key_padding_mask.
    """

    def __init__(self, d, heads):
        super().__init__()
        self.d, self.heads = d, heads
        self.q_proj = nn.Linear(d, d)
        self.k_proj = nn.Linear(d, d)
        self.v_proj = nn.Linear(d, d)
        self.out_proj = nn.Linear(d, d)

    def forward(self, query, key_value, keep=None, causal=False, static_kv=None):
        """`static_kv` = project_kv(...) of the keys/values (incremental
        decoding); `key_value` is then ignored."""
        lq = query.shape[1]
        attn_mask = None
        if causal:
            assert static_kv is None and key_value.shape[1] == lq
            # torch: True = not allowed. Query i sees keys j <= i.
            attn_mask = torch.triu(torch.ones(lq, lq, dtype=torch.bool, device=query.device),
                                   diagonal=1)
        q = query.transpose(0, 1)  # F.multi_head_attention_forward is seq-first
        # With static K/V torch still projects `key`; give it the short query.
        kv = q if static_kv is not None else key_value.transpose(0, 1)
        static_k, static_v = static_kv if static_kv is not None else (None, None)
        out, _ = F.multi_head_attention_forward(
            q, kv, kv, self.d, self.heads,
            None,
            torch.cat([self.q_proj.bias, self.k_proj.bias, self.v_proj.bias]),
            None, None, False, 0.0,
            self.out_proj.weight, self.out_proj.bias,
            training=False,
            key_padding_mask=None if keep is None else ~keep,
            need_weights=False,
            attn_mask=attn_mask,
            use_separate_proj_weight=True,
            q_proj_weight=self.q_proj.weight,
            k_proj_weight=self.k_proj.weight,
            v_proj_weight=self.v_proj.weight,
            static_k=static_k, static_v=static_v)
        return out.transpose(0, 1)

    def project_kv(self, key_value):
        """K and V of [B, L, d] in torch's static_k/static_v layout [B*H, L, d/H]."""
        b, length, d = key_value.shape

        def split(x):
            return (x.transpose(0, 1).contiguous()
                    .view(length, b * self.heads, d // self.heads).transpose(0, 1))
        return split(self.k_proj(key_value)), split(self.v_proj(key_value))


def make_activation(name):
    return {"relu": nn.ReLU(), "gelu": nn.GELU()}[name]


class FFN(nn.Module):
    def __init__(self, d, ffn_dim, activation="relu"):
        super().__init__()
        self.fc1 = nn.Linear(d, ffn_dim)
        self.fc2 = nn.Linear(ffn_dim, d)
        self.act = make_activation(activation)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class EncoderLayer(nn.Module):
    """Pre-LN: x + SA(LN(x)), then x + FFN(LN(x)). Dropout off."""

    def __init__(self, d, heads, ffn_dim, activation="relu"):
        super().__init__()
        self.self_attn_layer_norm = nn.LayerNorm(d, eps=LN_EPS)
        self.self_attn = Attention(d, heads)
        self.final_layer_norm = nn.LayerNorm(d, eps=LN_EPS)
        self.ffn = FFN(d, ffn_dim, activation)

    def forward(self, x, keep):
        h = self.self_attn_layer_norm(x)
        x = x + self.self_attn(h, h, keep)
        return x + self.ffn(self.final_layer_norm(x))


class DecoderLayer(nn.Module):
    """Pre-LN: causal SA, cross-attention to memory, FFN; each x + f(LN(x))."""

    def __init__(self, d, heads, ffn_dim, activation="relu"):
        super().__init__()
        self.self_attn_layer_norm = nn.LayerNorm(d, eps=LN_EPS)
        self.self_attn = Attention(d, heads)
        self.encoder_attn_layer_norm = nn.LayerNorm(d, eps=LN_EPS)
        self.encoder_attn = Attention(d, heads)
        self.final_layer_norm = nn.LayerNorm(d, eps=LN_EPS)
        self.ffn = FFN(d, ffn_dim, activation)

    def forward(self, y, tgt_keep, memory, src_keep):
        h = self.self_attn_layer_norm(y)
        y = y + self.self_attn(h, h, tgt_keep, causal=True)
        y = y + self.encoder_attn(self.encoder_attn_layer_norm(y), memory, src_keep)
        return y + self.ffn(self.final_layer_norm(y))


def sinusoid_table(length, d):
    """PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(...), float64."""
    pos = np.arange(length, dtype=np.float64)[:, None]
    two_i = np.arange(0, d, 2, dtype=np.float64)[None, :]
    angle = pos / np.power(10000.0, two_i / d)
    pe = np.zeros((length, d), dtype=np.float64)
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle)
    return pe


class Embed(nn.Module):
    """table[ids] * sqrt(d) + PE (the PE is a constant, not a parameter)."""

    def __init__(self, vocab, d, max_len):
        super().__init__()
        self.embed_tokens = nn.Embedding(vocab, d)
        self.scale = math.sqrt(d)
        self.register_buffer(
            "pe", torch.from_numpy(sinusoid_table(max_len, d).astype(np.float32)),
            persistent=False)

    def embed(self, ids, start=0):
        """Positions start .. start + len - 1."""
        return self.embed_tokens(ids) * self.scale + self.pe[start:start + ids.shape[1]]


class Encoder(Embed):
    def __init__(self, cfg):
        super().__init__(cfg["vocab_size"], cfg["d_model"], cfg["max_len"])
        self.layers = nn.ModuleList(
            EncoderLayer(cfg["d_model"], cfg["num_heads"], cfg["ffn_dim"],
                         cfg.get("activation", "relu"))
            for _ in range(cfg["encoder_layers"]))
        self.layer_norm = nn.LayerNorm(cfg["d_model"], eps=LN_EPS)

    def forward(self, src_ids):
        keep = src_ids != PAD
        x = self.embed(src_ids)
        for layer in self.layers:
            x = layer(x, keep)
        return self.layer_norm(x)


class Decoder(Embed):
    def __init__(self, cfg):
        super().__init__(cfg["vocab_size"], cfg["d_model"], cfg["max_len"])
        self.layers = nn.ModuleList(
            DecoderLayer(cfg["d_model"], cfg["num_heads"], cfg["ffn_dim"],
                         cfg.get("activation", "relu"))
            for _ in range(cfg["decoder_layers"]))
        self.layer_norm = nn.LayerNorm(cfg["d_model"], eps=LN_EPS)
        self.output_projection = nn.Linear(cfg["d_model"], cfg["vocab_size"])

    def forward(self, memory, src_ids, tgt_ids):
        src_keep, tgt_keep = src_ids != PAD, tgt_ids != PAD
        y = self.embed(tgt_ids)
        for layer in self.layers:
            y = layer(y, tgt_keep, memory, src_keep)
        return self.output_projection(self.layer_norm(y))

    # Incremental decoding for greedy search: the same math as forward() on
    # the prefix tgt[:, :step+1] (causal attention never looks further), with
    # the keys/values of earlier positions and of the memory cached.
    def start(self, memory):
        return {"memory": [layer.encoder_attn.project_kv(memory) for layer in self.layers],
                "self": [None] * len(self.layers)}

    def step(self, state, src_ids, tgt_prefix):
        """Logits [B, V] of the last position of `tgt_prefix` [B, step+1]."""
        step = tgt_prefix.shape[1] - 1
        src_keep, tgt_keep = src_ids != PAD, tgt_prefix != PAD
        y = self.embed(tgt_prefix[:, step:], start=step)
        for i, layer in enumerate(self.layers):
            h = layer.self_attn_layer_norm(y)
            k, v = layer.self_attn.project_kv(h)
            if state["self"][i] is not None:
                k = torch.cat([state["self"][i][0], k], dim=1)
                v = torch.cat([state["self"][i][1], v], dim=1)
            state["self"][i] = (k, v)
            y = y + layer.self_attn(h, None, tgt_keep, static_kv=(k, v))
            y = y + layer.encoder_attn(layer.encoder_attn_layer_norm(y), None, src_keep,
                                       static_kv=state["memory"][i])
            y = y + layer.ffn(layer.final_layer_norm(y))
        return self.output_projection(self.layer_norm(y))[:, 0]


class Transformer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.encoder = Encoder(cfg)
        self.decoder = Decoder(cfg)


class LiteEncoder(Embed):
    """Lite Transformer encoder: embedding + PE, post-LN LSRA layers (no final
    LayerNorm)."""

    def __init__(self, cfg):
        super().__init__(cfg["vocab_size"], cfg["d_model"], cfg["max_len"])
        self.layers = nn.ModuleList(LiteEncoderLayer(cfg, i)
                                    for i in range(cfg["encoder_layers"]))

    def forward(self, src_ids):
        keep = src_ids != PAD
        x = self.embed(src_ids)
        for layer in self.layers:
            x = layer(x, keep)
        return x


class LiteDecoder(Embed):
    def __init__(self, cfg):
        super().__init__(cfg["vocab_size"], cfg["d_model"], cfg["max_len"])
        self.layers = nn.ModuleList(LiteDecoderLayer(cfg, i)
                                    for i in range(cfg["decoder_layers"]))
        self.output_projection = nn.Linear(cfg["d_model"], cfg["vocab_size"])

    def forward(self, memory, src_ids, tgt_ids):
        src_keep, tgt_keep = src_ids != PAD, tgt_ids != PAD
        y = self.embed(tgt_ids)
        for layer in self.layers:
            y = layer(y, tgt_keep, memory, src_keep)
        return self.output_projection(y)

    # Incremental decoding (greedy search), as Decoder.step: attention keys and
    # values of earlier positions cached, and for the causal conv the gated
    # conv-branch inputs of earlier positions (fairseq's input buffer).
    def start(self, memory):
        return {"memory": [layer.encoder_attn.project_kv(memory) for layer in self.layers],
                "self": [None] * len(self.layers), "conv": [None] * len(self.layers)}

    def step(self, state, src_ids, tgt_prefix):
        """Logits [B, V] of the last position of `tgt_prefix` [B, step+1]."""
        step = tgt_prefix.shape[1] - 1
        src_keep, tgt_keep = src_ids != PAD, tgt_prefix != PAD
        y = self.embed(tgt_prefix[:, step:], start=step)
        half = y.shape[-1] // 2
        for i, layer in enumerate(self.layers):
            lsra = layer.self_attn
            a = y[..., :half]
            k, v = lsra.attn.project_kv(a)
            h = lsra.conv.gated(y[..., half:], tgt_keep[:, step:])
            if state["self"][i] is not None:
                k = torch.cat([state["self"][i][0], k], dim=1)
                v = torch.cat([state["self"][i][1], v], dim=1)
                h = torch.cat([state["conv"][i], h], dim=1)
            state["self"][i], state["conv"][i] = (k, v), h
            a = lsra.attn(a, None, tgt_keep, static_kv=(k, v))
            c = lsra.conv.out_proj(lsra.conv.conv_last(h))[:, None]
            y = layer.self_attn_layer_norm(y + torch.cat([a, c], dim=-1))
            y = layer.encoder_attn_layer_norm(y + layer.encoder_attn(
                y, None, src_keep, static_kv=state["memory"][i]))
            y = layer.final_layer_norm(y + layer.ffn(y))
        return self.output_projection(y)[:, 0]


class LiteTransformer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.encoder = LiteEncoder(cfg)
        self.decoder = LiteDecoder(cfg)


class FlatMLP(nn.Module):
    """`tfx.flat_mlp`: the replacement MLP of "Rethinking Attention".

    Input [B, N, d_in] times `in_keep` per position, flattened row-major
    [position][feature], then LayerNorm(N*d_in) -> Linear(N*d_in, hidden) ->
    LeakyReLU(slope) -> LayerNorm(hidden) -> Linear(hidden, out), output
    times `out_keep`. Whole-sequence form: out = L_out*d_out, reshaped to
    [B, L_out, d_out]. `per_position`: the MLP runs once per target position
    i on the input masked by in_keep & (j <= i) and fc2 (d_out rows) gives
    position i of a [B, N, d_out] result.
    """

    def __init__(self, n_in, d_in, hidden, n_out, d_out, per_position=False,
                 negative_slope=0.01, eps=LN_EPS):
        super().__init__()
        self.n_out, self.d_out, self.per_position = n_out, d_out, per_position
        self.in_norm = nn.LayerNorm(n_in * d_in, eps=eps)
        self.fc1 = nn.Linear(n_in * d_in, hidden)
        self.act = nn.LeakyReLU(negative_slope)
        self.hidden_norm = nn.LayerNorm(hidden, eps=eps)
        self.fc2 = nn.Linear(hidden, d_out if per_position else n_out * d_out)

    def mlp(self, flat):
        return self.fc2(self.hidden_norm(self.act(self.fc1(self.in_norm(flat)))))

    def forward(self, x, in_keep, out_keep):
        b, n, d = x.shape
        if self.per_position:
            causal = torch.tril(torch.ones(n, n, dtype=torch.bool))  # [i, j]: j <= i
            visible = in_keep[:, None, :] & causal[None]              # [B, i, j]
            rows = (x[:, None] * visible[..., None].to(x.dtype)).reshape(b, n, n * d)
            y = self.mlp(rows)                                         # [B, N, d_out]
        else:
            flat = (x * in_keep[..., None].to(x.dtype)).reshape(b, n * d)
            y = self.mlp(flat).reshape(b, self.n_out, self.d_out)
        return y * out_keep[..., None].to(y.dtype)


class MlpHeads(nn.Module):
    """ASLR: one FlatMLP per head, submodules head0 .. head{H-1}."""

    def __init__(self, heads, make):
        super().__init__()
        self.heads = heads
        for h in range(heads):
            self.add_module(f"head{h}", make())

    def forward(self, x, in_keep, out_keep):
        return torch.cat([getattr(self, f"head{h}")(x, in_keep, out_keep)
                          for h in range(self.heads)], dim=-1)


# Lite Transformer (REFERENCE.md section 3; fairseq's LightweightConv /
# DynamicConv of Wu et al. 2019 and Lite Transformer's LSRA block).

def conv_pad_left(kernel_size, padding):
    """Zeros before position 0: K // 2 ("centered", odd K) or K - 1 ("causal")."""
    if padding == "centered":
        if kernel_size % 2 != 1:
            raise GoldenError(f"centered padding needs an odd kernel, got {kernel_size}")
        return kernel_size // 2
    if padding == "causal":
        return kernel_size - 1
    raise GoldenError(f"unknown padding {padding!r}")


def head_of_channel(channels, heads, device=None):
    """Weight sharing: channel c uses head c * H / C (contiguous channel groups).
    `device`: where the kernels are (bench/gpu runs these modules on CUDA)."""
    return torch.arange(channels, device=device) * heads // channels


def lightweight_conv(x, weight, padding, weight_softmax=True):
    """`tfx.lightweight_conv`: x [B, L, C], weight [H, K] -> [B, L, C].

    torch's depthwise conv1d (a cross-correlation: y[t] = sum_k w[k] x[t + k]
    on the padded input) with channel c's kernel the row of its head, optionally
    softmax-normalised over the taps; pad_left zeros before the sequence and
    K - 1 - pad_left after it, so that y[t] = sum_k w[k] x[t + k - pad_left].
    """
    c = x.shape[2]
    heads, k = weight.shape
    w = torch.softmax(weight, dim=-1) if weight_softmax else weight
    w = w[head_of_channel(c, heads, w.device)]                         # [C, K]
    left = conv_pad_left(k, padding)
    xt = F.pad(x.transpose(1, 2), (left, k - 1 - left))                # [B, C, L + K - 1]
    return F.conv1d(xt, w.unsqueeze(1), groups=c).transpose(1, 2)


def dynamic_conv(x, kernel_logits, heads, kernel_size, padding, weight_softmax=True):
    """`tfx.dynamic_conv` given the predicted kernels: x [B, L, C],
    kernel_logits [B, L, H*K] (row-major [head][tap]) -> [B, L, C].

    fairseq's "unfold" form: the padded input is cut into one window of K
    positions per output position, windows[b, t, c, k] = x[b, t + k - pad_left, c]
    (zero outside), and multiplied by position t's kernel of channel c's head.
    """
    b, length, c = x.shape
    w = kernel_logits.reshape(b, length, heads, kernel_size)
    if weight_softmax:
        w = torch.softmax(w, dim=-1)
    w = w[:, :, head_of_channel(c, heads, w.device)]                   # [B, L, C, K]
    left = conv_pad_left(kernel_size, padding)
    xp = F.pad(x, (0, 0, left, kernel_size - 1 - left))                # time axis padded
    windows = xp.unfold(1, kernel_size, 1)                             # [B, L, C, K]
    return (w * windows).sum(-1)


class LightweightConv(nn.Module):
    """`tfx.lightweight_conv` with its kernel `weight` [H, K]."""

    def __init__(self, heads, kernel_size, padding, weight_softmax=True):
        super().__init__()
        self.padding, self.weight_softmax = padding, weight_softmax
        self.weight = nn.Parameter(torch.zeros(heads, kernel_size))

    def forward(self, x):
        return lightweight_conv(x, self.weight, self.padding, self.weight_softmax)


class DynamicConv(nn.Module):
    """`tfx.dynamic_conv`: the kernel predictor `weight_linear` is
    Linear(C -> H*K) applied to the input itself."""

    def __init__(self, channels, heads, kernel_size, padding, weight_softmax=True,
                 bias=True):
        super().__init__()
        self.heads, self.kernel_size = heads, kernel_size
        self.padding, self.weight_softmax = padding, weight_softmax
        self.weight_linear = nn.Linear(channels, heads * kernel_size, bias=bias)

    def forward(self, x):
        return dynamic_conv(x, self.weight_linear(x), self.heads, self.kernel_size,
                            self.padding, self.weight_softmax)


class LiteConvBranch(nn.Module):
    """The convolution branch of LSRA on C = d/2 channels: in_proj Linear(C -> 2C),
    GLU (first half times sigmoid of the second), padded positions zeroed,
    lightweight conv (`weight` [H, K]) or dynamic conv (`weight_linear`
    Linear(C -> H*K) on the masked GLU output), out_proj Linear(C -> C).
    Kernels are softmax-normalised (weight_softmax, as in Lite Transformer)."""

    def __init__(self, channels, heads, kernel_size, kind, padding):
        super().__init__()
        self.heads, self.kernel_size, self.kind, self.padding = heads, kernel_size, kind, padding
        self.in_proj = nn.Linear(channels, 2 * channels)
        if kind == "lightweight":
            self.weight = nn.Parameter(torch.zeros(heads, kernel_size))
        elif kind == "dynamic":
            self.weight_linear = nn.Linear(channels, heads * kernel_size)
        else:
            raise GoldenError(f"unknown convolution {kind!r}")
        self.out_proj = nn.Linear(channels, channels)

    def gated(self, x, keep):
        """GLU(in_proj(x)) with the positions where keep [B, L] is false zeroed."""
        return F.glu(self.in_proj(x), dim=-1).masked_fill(~keep[..., None], 0.0)

    def conv(self, h):
        if self.kind == "lightweight":
            return lightweight_conv(h, self.weight, self.padding)
        return dynamic_conv(h, self.weight_linear(h), self.heads, self.kernel_size,
                            self.padding)

    def forward(self, x, keep):
        return self.out_proj(self.conv(self.gated(x, keep)))

    def conv_last(self, h):
        """Causal conv output [B, C] of the last position of h [B, T, C] (the
        gated inputs so far): incremental decoding, as fairseq's input buffer of
        the last K - 1 steps. The window is the last K positions, zeros before
        position 0; the kernel is the static one or position T-1's own."""
        if self.padding != "causal":
            raise GoldenError("incremental decoding needs causal convolutions")
        b, _, c = h.shape
        k = self.kernel_size
        window = F.pad(h, (0, 0, k - 1, 0))[:, -k:]                    # [B, K, C]
        if self.kind == "lightweight":
            w = torch.softmax(self.weight, dim=-1)[None]                 # [1, H, K]
        else:
            w = torch.softmax(self.weight_linear(h[:, -1]).reshape(b, self.heads, k), dim=-1)
        w = w[:, head_of_channel(c, self.heads, w.device)]               # [B, C, K]
        return (w * window.transpose(1, 2)).sum(-1)


class LSRA(nn.Module):
    """Long-short range attention: `attn` (multi-head attention on channels
    [0, d/2)) and `conv` (LiteConvBranch on channels [d/2, d)), concatenated."""

    def __init__(self, d, heads, conv_heads, kernel_size, kind, padding):
        super().__init__()
        self.attn = Attention(d // 2, heads)
        self.conv = LiteConvBranch(d // 2, conv_heads, kernel_size, kind, padding)

    def forward(self, x, keep, causal=False):
        half = x.shape[-1] // 2
        a, c = x[..., :half], x[..., half:]
        return torch.cat([self.attn(a, a, keep, causal=causal), self.conv(c, keep)], dim=-1)


class LiteEncoderLayer(nn.Module):
    """Post-LN: x = LN(x + LSRA(x)); x = LN(x + FFN(x)). Dropout off."""

    def __init__(self, cfg, layer):
        super().__init__()
        d, lite = cfg["d_model"], cfg["lite"]
        self.self_attn = LSRA(d, cfg["num_heads"], lite["conv_heads"],
                              lite["kernel_sizes"][layer], lite["encoder_conv"], "centered")
        self.self_attn_layer_norm = nn.LayerNorm(d, eps=LN_EPS)
        self.ffn = FFN(d, cfg["ffn_dim"], cfg.get("activation", "relu"))
        self.final_layer_norm = nn.LayerNorm(d, eps=LN_EPS)

    def forward(self, x, keep):
        x = self.self_attn_layer_norm(x + self.self_attn(x, keep))
        return self.final_layer_norm(x + self.ffn(x))


class LiteDecoderLayer(nn.Module):
    """Post-LN: causal LSRA (causal attention, causal conv), full-width
    cross-attention to memory, FFN; each y = LN(y + f(y))."""

    def __init__(self, cfg, layer):
        super().__init__()
        d, lite = cfg["d_model"], cfg["lite"]
        self.self_attn = LSRA(d, cfg["num_heads"], lite["conv_heads"],
                              lite["kernel_sizes"][layer], lite["decoder_conv"], "causal")
        self.self_attn_layer_norm = nn.LayerNorm(d, eps=LN_EPS)
        self.encoder_attn = Attention(d, cfg["num_heads"])
        self.encoder_attn_layer_norm = nn.LayerNorm(d, eps=LN_EPS)
        self.ffn = FFN(d, cfg["ffn_dim"], cfg.get("activation", "relu"))
        self.final_layer_norm = nn.LayerNorm(d, eps=LN_EPS)

    def forward(self, y, tgt_keep, memory, src_keep):
        y = self.self_attn_layer_norm(y + self.self_attn(y, tgt_keep, causal=True))
        y = self.encoder_attn_layer_norm(y + self.encoder_attn(y, memory, src_keep))
        return self.final_layer_norm(y + self.ffn(y))


# ---------------------------------------------------------------------------
# Deterministic weights and inputs.
# ---------------------------------------------------------------------------

def rng_for(seed, *labels):
    """A numpy Generator keyed by the seed and string labels (order-free use)."""
    return np.random.default_rng([seed] + [zlib.crc32(l.encode()) for l in labels])


def init_weights(module, seed, scope, prefix=""):
    """Random weights for every parameter of `module`, keyed by state_dict name.

    Linear / Embedding weights ~ N(0, 1/fan_in) (std 1/sqrt(fan_in)), linear
    biases ~ N(0, 0.1^2), LayerNorm gamma ~ 1 + N(0, 0.1^2), beta ~ N(0, 0.1^2),
    lightweight-conv kernels [H, K] ~ N(0, 1) (so that their softmax over the
    taps is far from uniform and tap order matters).
    Each tensor has its own generator keyed by (seed, scope, name), so adding
    parameters never changes the others. Loads them into `module` too.
    """
    weights = {}
    for mname, m in module.named_modules():
        p = prefix + (mname + "." if mname else "")
        if isinstance(m, nn.Linear):
            out_f, in_f = m.weight.shape
            weights[p + "weight"] = rng_for(seed, scope, p + "weight").standard_normal(
                (out_f, in_f)) / math.sqrt(in_f)
            if m.bias is not None:
                weights[p + "bias"] = 0.1 * rng_for(seed, scope, p + "bias").standard_normal(out_f)
        elif isinstance(m, nn.LayerNorm):
            (d,) = m.normalized_shape
            weights[p + "weight"] = 1.0 + 0.1 * rng_for(
                seed, scope, p + "weight").standard_normal(d)
            weights[p + "bias"] = 0.1 * rng_for(seed, scope, p + "bias").standard_normal(d)
        elif isinstance(m, nn.Embedding):
            v, d = m.weight.shape
            weights[p + "weight"] = rng_for(seed, scope, p + "weight").standard_normal(
                (v, d)) / math.sqrt(d)
        elif isinstance(m, (LightweightConv, LiteConvBranch)) and hasattr(m, "weight"):
            weights[p + "weight"] = rng_for(seed, scope, p + "weight").standard_normal(
                tuple(m.weight.shape))
    weights = {k: v.astype(np.float32) for k, v in weights.items()}
    state = {k[len(prefix):]: torch.from_numpy(v) for k, v in weights.items()}
    module.load_state_dict(state, strict=True)  # names must match exactly
    module.eval()
    return weights


def padded_ids(rng, batch, length, vocab, first=None, last=None):
    """Rows of real tokens in [3, vocab) followed by PAD (0).

    Row 0 is full length; the other rows have a random length in
    [2, length - 1]. `first` replaces the first token (BOS for targets),
    `last` the last real token (EOS for sources).
    """
    lens = rng.integers(2, length, size=batch)
    lens[0] = length
    ids = np.zeros((batch, length), dtype=np.int64)
    for b, n in enumerate(lens):
        ids[b, :n] = rng.integers(3, vocab, size=n)
        if first is not None:
            ids[b, 0] = first
        if last is not None:
            ids[b, n - 1] = last
    return ids


def f32(a):
    return np.asarray(a, dtype=np.float32)


def t(a):
    return torch.from_numpy(np.ascontiguousarray(a))


def run(fn, *args):
    """Runs a torch computation; returns numpy float32 (or the int dtype)."""
    with torch.no_grad():
        out = fn(*args)
    return out.detach().numpy().copy()


# ---------------------------------------------------------------------------
# Independent float64 numpy reference (for --self-check only).
# ---------------------------------------------------------------------------

class NumpyRef:
    def __init__(self, weights):
        self.w = {k: v.astype(np.float64) for k, v in weights.items()}

    def linear(self, x, name, bias=True):
        y = np.asarray(x, np.float64) @ self.w[name + ".weight"].T
        return y + self.w[name + ".bias"] if bias else y

    def layer_norm(self, x, name):
        x = np.asarray(x, np.float64)
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + LN_EPS) * self.w[name + ".weight"] + self.w[name + ".bias"]

    @staticmethod
    def softmax(x):
        x = np.asarray(x, np.float64)
        e = np.exp(x - x.max(-1, keepdims=True))
        return e / e.sum(-1, keepdims=True)

    def attention(self, query, key_value, name, heads, keep=None, causal=False):
        b, lq, d = query.shape
        lk = key_value.shape[1]
        dh = d // heads
        q = self.linear(query, name + ".q_proj").reshape(b, lq, heads, dh)
        k = self.linear(key_value, name + ".k_proj").reshape(b, lk, heads, dh)
        v = self.linear(key_value, name + ".v_proj").reshape(b, lk, heads, dh)
        out = np.zeros((b, lq, heads, dh))
        for bi in range(b):
            for h in range(heads):
                s = q[bi, :, h, :] @ k[bi, :, h, :].T / math.sqrt(dh)  # [lq, lk]
                visible = np.ones((lq, lk), dtype=bool)
                if keep is not None:
                    visible &= np.asarray(keep[bi], bool)[None, :]
                if causal:
                    visible &= np.arange(lk)[None, :] <= np.arange(lq)[:, None]
                assert visible.any(-1).all(), "a query sees no key"
                s = np.where(visible, s, -np.inf)
                out[bi, :, h, :] = self.softmax(s) @ v[bi, :, h, :]
        return self.linear(out.reshape(b, lq, d), name + ".out_proj")

    def ffn(self, x, name, activation="relu"):
        h = self.linear(x, name + ".fc1")
        h = np.maximum(h, 0.0) if activation == "relu" else gelu_np(h)
        return self.linear(h, name + ".fc2")

    def encoder_layer(self, x, keep, p, heads, act="relu"):
        x = x + self.attention(self.layer_norm(x, p + "self_attn_layer_norm"),
                               self.layer_norm(x, p + "self_attn_layer_norm"),
                               p + "self_attn", heads, keep)
        return x + self.ffn(self.layer_norm(x, p + "final_layer_norm"), p + "ffn", act)

    def decoder_layer(self, y, tgt_keep, memory, src_keep, p, heads, act="relu"):
        h = self.layer_norm(y, p + "self_attn_layer_norm")
        y = y + self.attention(h, h, p + "self_attn", heads, tgt_keep, causal=True)
        y = y + self.attention(self.layer_norm(y, p + "encoder_attn_layer_norm"),
                               memory, p + "encoder_attn", heads, src_keep)
        return y + self.ffn(self.layer_norm(y, p + "final_layer_norm"), p + "ffn", act)

    def embed(self, ids, name, d):
        table = self.w[name + ".embed_tokens.weight"]
        return table[ids] * math.sqrt(d) + sinusoid_table(ids.shape[1], d)

    def encode(self, cfg, src):
        if cfg.get("architecture") == "lite":
            return self.lite_encode(cfg, src)
        d, heads, act = cfg["d_model"], cfg["num_heads"], cfg.get("activation", "relu")
        x = self.embed(src, "encoder", d)
        for i in range(cfg["encoder_layers"]):
            x = self.encoder_layer(x, src != PAD, f"encoder.layers.{i}.", heads, act)
        return self.layer_norm(x, "encoder.layer_norm")

    def decode(self, cfg, memory, src, tgt):
        if cfg.get("architecture") == "lite":
            return self.lite_decode(cfg, memory, src, tgt)
        d, heads, act = cfg["d_model"], cfg["num_heads"], cfg.get("activation", "relu")
        y = self.embed(tgt, "decoder", d)
        for i in range(cfg["decoder_layers"]):
            y = self.decoder_layer(y, tgt != PAD, memory, src != PAD,
                                   f"decoder.layers.{i}.", heads, act)
        return self.linear(self.layer_norm(y, "decoder.layer_norm"),
                           "decoder.output_projection")

    # Lite Transformer --------------------------------------------------------

    @staticmethod
    def glu(x):
        a, b = np.split(np.asarray(x, np.float64), 2, axis=-1)
        return a / (1.0 + np.exp(-b))

    @staticmethod
    def conv_taps(x, kernels, heads, padding):
        """y[b, t, c] = sum_k kernels[b, t, c * H // C, k] * x[b, t + k - left, c]
        over the positions inside [0, L); kernels [B, L, H, K], explicit loops
        over positions and taps."""
        x = np.asarray(x, np.float64)
        b, length, c = x.shape
        k_size = kernels.shape[-1]
        left = {"centered": k_size // 2, "causal": k_size - 1}[padding]
        head = np.array([ch * heads // c for ch in range(c)])
        out = np.zeros((b, length, c))
        for t_out in range(length):
            for k in range(k_size):
                s = t_out + k - left
                if 0 <= s < length:
                    out[:, t_out, :] += kernels[:, t_out, head, k] * x[:, s, :]
        return out

    def lightweight_conv(self, x, name, padding, weight_softmax=True):
        w = self.w[name + ".weight"]                     # [H, K]
        if weight_softmax:
            w = self.softmax(w)
        b, length, _ = x.shape
        return self.conv_taps(x, np.broadcast_to(w, (b, length) + w.shape), w.shape[0],
                              padding)

    def dynamic_conv(self, x, name, heads, kernel_size, padding, weight_softmax=True,
                     bias=True):
        b, length, _ = x.shape
        k = self.linear(x, name + ".weight_linear", bias).reshape(b, length, heads,
                                                                   kernel_size)
        if weight_softmax:
            k = self.softmax(k)
        return self.conv_taps(x, k, heads, padding)

    def lite_conv_branch(self, x, keep, name, kind, heads, kernel_size, padding):
        h = self.glu(self.linear(x, name + ".in_proj"))
        h = np.where(np.asarray(keep, bool)[..., None], h, 0.0)
        if kind == "lightweight":
            h = self.lightweight_conv(h, name, padding)
        else:
            h = self.dynamic_conv(h, name, heads, kernel_size, padding)
        return self.linear(h, name + ".out_proj")

    def lsra(self, x, keep, p, cfg, layer, kind, padding):
        half = cfg["d_model"] // 2
        lite = cfg["lite"]
        a = self.attention(x[..., :half], x[..., :half], p + "attn", cfg["num_heads"], keep,
                           causal=padding == "causal")
        c = self.lite_conv_branch(x[..., half:], keep, p + "conv", kind, lite["conv_heads"],
                                  lite["kernel_sizes"][layer], padding)
        return np.concatenate([a, c], axis=-1)

    def lite_encode(self, cfg, src):
        d, act = cfg["d_model"], cfg.get("activation", "relu")
        keep = src != PAD
        x = self.embed(src, "encoder", d)
        for i in range(cfg["encoder_layers"]):
            p = f"encoder.layers.{i}."
            x = self.layer_norm(x + self.lsra(x, keep, p + "self_attn.", cfg, i,
                                              cfg["lite"]["encoder_conv"], "centered"),
                                p + "self_attn_layer_norm")
            x = self.layer_norm(x + self.ffn(x, p + "ffn", act), p + "final_layer_norm")
        return x

    def lite_decode(self, cfg, memory, src, tgt):
        d, act = cfg["d_model"], cfg.get("activation", "relu")
        src_keep, tgt_keep = src != PAD, tgt != PAD
        y = self.embed(tgt, "decoder", d)
        for i in range(cfg["decoder_layers"]):
            p = f"decoder.layers.{i}."
            y = self.layer_norm(y + self.lsra(y, tgt_keep, p + "self_attn.", cfg, i,
                                              cfg["lite"]["decoder_conv"], "causal"),
                                p + "self_attn_layer_norm")
            y = self.layer_norm(y + self.attention(y, memory, p + "encoder_attn",
                                                   cfg["num_heads"], src_keep),
                                p + "encoder_attn_layer_norm")
            y = self.layer_norm(y + self.ffn(y, p + "ffn", act), p + "final_layer_norm")
        return self.linear(y, "decoder.output_projection")

    def flat_mlp(self, x, in_keep, out_keep, name, per_position=False,
                 slope=0.01, eps=LN_EPS):
        """tfx.flat_mlp, one sentence (and target position) at a time."""
        x = np.asarray(x, np.float64)
        w = self.w
        b, n, d = x.shape
        l_out = out_keep.shape[1]
        rows = w[name + ".fc2.weight"].shape[0]
        d_out = rows if per_position else rows // l_out

        def norm(v, p):
            mu = v.sum() / v.size
            var = ((v - mu) ** 2).sum() / v.size
            return (v - mu) / math.sqrt(var + eps) * w[p + ".weight"] + w[p + ".bias"]

        def mlp(v):  # v: the flattened, masked sentence (n * d values)
            h = w[name + ".fc1.weight"] @ norm(v, name + ".in_norm") + w[name + ".fc1.bias"]
            h = np.where(h >= 0, h, slope * h)
            return w[name + ".fc2.weight"] @ norm(h, name + ".hidden_norm") + w[name + ".fc2.bias"]

        out = np.zeros((b, l_out, d_out))
        for bi in range(b):
            if per_position:
                for i in range(n):
                    visible = np.asarray(in_keep[bi], bool) & (np.arange(n) <= i)
                    v = np.where(visible[:, None], x[bi], 0.0).reshape(-1)
                    out[bi, i] = mlp(v) if out_keep[bi, i] else 0.0
            else:
                v = np.where(np.asarray(in_keep[bi], bool)[:, None], x[bi], 0.0).reshape(-1)
                y = mlp(v).reshape(l_out, d_out)
                out[bi] = np.where(np.asarray(out_keep[bi], bool)[:, None], y, 0.0)
        return out


def gelu_np(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def gelu_tanh_np(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


# ---------------------------------------------------------------------------
# Greedy decoding (shared by the torch oracle and the numpy self-check).
# ---------------------------------------------------------------------------

def greedy(batch, max_len, next_logits):
    """BOS=1, EOS=2, PAD=0. Returns (tokens [B, L] int64, stats dict).

    tgt starts as [BOS, PAD, ...]; step t (0 .. L-2) takes argmax of the
    logits of position t, `next_logits(tgt, t)` ([B, V]; they depend on
    tgt[:, :t+1] only), and writes it to tgt[:, t+1]; sequences that emitted
    EOS at an earlier step get PAD instead. An argmax of PAD does not finish a
    sequence. stats: "min_gap" is the smallest top-1/top-2 logit gap over the
    unfinished sequences of all steps; "logits" the logits of every step.
    """
    tgt = np.full((batch, max_len), PAD, dtype=np.int64)
    tgt[:, 0] = BOS
    finished = np.zeros(batch, dtype=bool)
    min_gap, pad_emitted, all_logits = math.inf, 0, []
    for step in range(max_len - 1):
        logits = np.asarray(next_logits(tgt, step))
        all_logits.append(logits)
        nxt = logits.argmax(-1).astype(np.int64)
        top2 = np.sort(logits, axis=-1)[:, -2:]
        gaps = top2[:, 1] - top2[:, 0]
        if (~finished).any():
            min_gap = min(min_gap, float(gaps[~finished].min()))
        pad_emitted += int(((nxt == PAD) & ~finished).sum())
        nxt[finished] = PAD
        tgt[:, step + 1] = nxt
        finished |= nxt == EOS
    ends = [int(np.argmax(row == EOS)) if (row == EOS).any() else -1 for row in tgt]
    return tgt, {"min_gap": min_gap, "eos_positions": ends, "pad_emitted": pad_emitted,
                 "logits": np.stack(all_logits, axis=1)}


def torch_greedy(net, src, max_len):
    with torch.no_grad():
        src_t = t(src)
        state = net.decoder.start(net.encoder(src_t))
        return greedy(src.shape[0], max_len, lambda tgt, step: net.decoder.step(
            state, src_t, t(tgt[:, :step + 1])).numpy())


def numpy_greedy(ref, cfg, src, max_len):
    memory = ref.encode(cfg, src)
    return greedy(src.shape[0], max_len, lambda tgt, step: ref.decode(
        cfg, memory, src, tgt[:, :step + 1])[:, step])


# ---------------------------------------------------------------------------
# IR parsing, to check the golden tensors against the IR they feed.
# ---------------------------------------------------------------------------

_NP_OF_ELT = {"f32": np.float32, "f64": np.float64, "i64": np.int64,
              "i32": np.int32, "i1": np.bool_}


def parse_tensor_type(spec):
    """'?x8x16xf32' -> ([None, 8, 16], 'f32')."""
    parts = spec.split("x")
    dims = [None if p == "?" else int(p) for p in parts[:-1]]
    return dims, parts[-1]


def parse_params(text):
    """All `tfx.param "NAME" : tensor<...>` of a module: name -> (dims, elt)."""
    params = {}
    for name, spec in re.findall(r'tfx\.param\s+"([^"]+)"\s*:\s*tensor<([^>]*)>', text):
        typ = parse_tensor_type(spec)
        if name in params and params[name] != typ:
            raise GoldenError(f"parameter '{name}' declared with two types")
        params[name] = typ
    return params


def parse_signature(text, func):
    """Named arguments and results of `func.func @func`: two lists of
    (tfx.name, dims, elt)."""
    m = re.search(r"func\.func\s+@" + re.escape(func) + r"\s*\((.*?)\)\s*->\s*\((.*?)\)\s*\{",
                  text, re.S)
    if not m:
        raise GoldenError(f"no func.func @{func} with parenthesised results")
    named = r'tensor<([^>]*)>\s*\{[^}]*tfx\.name\s*=\s*"([^"]+)"[^}]*\}'

    def entries(s):
        return [(n,) + parse_tensor_type(spec) for spec, n in re.findall(named, s)]

    return entries(m.group(1)), entries(m.group(2))


def check_tensors(what, declared, arrays):
    """declared: list of (name, dims, elt); arrays: dict name -> ndarray."""
    names = [d[0] for d in declared]
    if sorted(names) != sorted(arrays):
        raise GoldenError(f"{what}: IR names {sorted(names)} but golden tensors "
                          f"{sorted(arrays)}")
    for name, dims, elt in declared:
        a = arrays[name]
        if a.dtype != np.dtype(_NP_OF_ELT[elt]):
            raise GoldenError(f"{what}: '{name}' is {elt} in the IR but {a.dtype} here")
        if len(dims) != a.ndim or any(d is not None and d != s for d, s in zip(dims, a.shape)):
            raise GoldenError(f"{what}: '{name}' has IR shape "
                              f"{['?' if d is None else d for d in dims]} but {list(a.shape)} here")


def check_against_ir(ir_path, func, weights, inputs, expected):
    with open(ir_path) as f:
        text = f.read()
    params = parse_params(text)
    if sorted(params) != sorted(weights):
        missing = sorted(set(params) - set(weights))
        extra = sorted(set(weights) - set(params))
        raise GoldenError(f"{ir_path}: parameters differ: missing from the weights "
                          f"{missing}, not in the IR {extra}")
    for name, (dims, elt) in params.items():
        if elt != "f32" or list(weights[name].shape) != dims:
            raise GoldenError(f"{ir_path}: parameter '{name}' is tensor<"
                              f"{'x'.join(map(str, dims + [elt]))}> but the weight is "
                              f"{weights[name].dtype} {list(weights[name].shape)}")
    args, results = parse_signature(text, func)
    check_tensors(f"{ir_path} @{func} arguments", args, inputs)
    if expected is not None:
        check_tensors(f"{ir_path} @{func} results", results, expected)


# ---------------------------------------------------------------------------
# Cases.
# ---------------------------------------------------------------------------

class Golden:
    """One case's tensors. `reference` recomputes `expected` in float64 numpy."""

    def __init__(self, weights, inputs, expected, reference, ir, func, info="",
                 results_in_ir=True):
        self.weights, self.inputs, self.expected = weights, inputs, expected
        self.reference, self.ir, self.func, self.info = reference, ir, func, info
        # False for greedy search: its inputs are those of @encode and its
        # result ("tokens") is made by the driver, not by one function.
        self.results_in_ir = results_in_ir


CASES = {}  # name -> (weights stem, builder(seed) -> Golden, description)


def case(name, stem=None, doc=""):
    def register(fn):
        CASES[name] = (stem or name, fn, doc)
        return fn
    return register


def op_ir(name):
    return os.path.join(NUMERICS_INPUTS, name + ".mlir")


BATCH = 3


def _elementwise(name, torch_fn, np_fn, scale=3.0, extra=None):
    def build(seed):
        rng = rng_for(seed, name, "inputs")
        x = f32(scale * rng.standard_normal((BATCH, 5, 16)))
        if extra:
            x = extra(x)
        expected = {"y": run(torch_fn, t(x))}
        return Golden({}, {"x": x}, expected,
                      lambda: {"y": np_fn(x.astype(np.float64))}, op_ir(name), "main")
    return build


case("relu", doc="y = max(x, 0)")(_elementwise(
    "relu", nn.ReLU(), lambda x: np.maximum(x, 0.0)))
case("gelu", doc="exact (erf) GELU")(_elementwise(
    "gelu", nn.GELU(), gelu_np))
case("gelu_tanh", doc="tanh-approximated GELU")(_elementwise(
    "gelu_tanh", nn.GELU(approximate="tanh"), gelu_tanh_np))


def _softmax_input(x):
    # Row offsets up to +-100 check that the max is subtracted (exp(100)
    # overflows f32); row [0, 0] is constant, row [1, 1] has a tie at the top.
    x = x.copy()
    x[:, 2, :] += 100.0
    x[:, 3, :] -= 100.0
    x[0, 0, :] = 0.5
    x[1, 1, 3] = x[1, 1, 7] = x[1, 1].max() + 1.0
    return x


case("softmax", doc="softmax over the last axis")(_elementwise(
    "softmax", lambda x: torch.softmax(x, -1), NumpyRef.softmax, 4.0, _softmax_input))


@case("leaky_relu", doc="default slope 0.01 (y) and negative_slope 0.2 (y_02)")
def _leaky(seed):
    rng = rng_for(seed, "leaky_relu", "inputs")
    x = f32(3.0 * rng.standard_normal((BATCH, 5, 16)))
    expected = {"y": run(nn.LeakyReLU(), t(x)),
                "y_02": run(nn.LeakyReLU(0.2), t(x))}

    def ref():
        x64 = x.astype(np.float64)
        return {"y": np.where(x64 >= 0, x64, 0.01 * x64),
                "y_02": np.where(x64 >= 0, x64, 0.2 * x64)}
    return Golden({}, {"x": x}, expected, ref, op_ir("leaky_relu"), "main")


def _linear(name, bias):
    def build(seed):
        mod = nn.Linear(16, 24, bias=bias)
        weights = init_weights(mod, seed, name, "linear.")
        x = f32(rng_for(seed, name, "inputs").standard_normal((BATCH, 5, 16)))
        expected = {"y": run(mod, t(x))}
        ref = lambda: {"y": NumpyRef(weights).linear(x, "linear", bias)}  # noqa: E731
        return Golden(weights, {"x": x}, expected, ref, op_ir(name), "main")
    return build


case("linear", doc="x [3,5,16] -> y [3,5,24], weight [24,16] + bias")(_linear("linear", True))
case("linear_nobias", doc="as linear without bias")(_linear("linear_nobias", False))


def _gemm_bigk(name, length):
    """A linear layer with K 600 (lib/Lowering/Gemm.cpp's k-blocked CPU
    schedule: chunks of 256 and a tail of 88), 70 columns, GELU fused."""
    def build(seed):
        mod = nn.Sequential(nn.Linear(600, 70), nn.GELU())
        weights = init_weights(mod, seed, name, "linear.")
        weights = {k.replace("linear.0.", "linear."): v for k, v in weights.items()}
        x = f32(rng_for(seed, name, "inputs").standard_normal((BATCH, length, 600)))
        expected = {"y": run(mod, t(x))}

        def ref():
            return {"y": gelu_np(NumpyRef(weights).linear(x, "linear"))}
        return Golden(weights, {"x": x}, expected, ref, op_ir(name), "main")
    return build


case("gemm_bigk", doc="x [3,37,600] -> Linear 600->70 + GELU: 111 rows, k-blocked")(
    _gemm_bigk("gemm_bigk", 37))
case("gemm_bigk_few", doc="x [3,1,600] -> Linear 600->70 + GELU: 3 rows, k outer")(
    _gemm_bigk("gemm_bigk_few", 1))


@case("gemm_tails", doc="x [3,13,45] -> fc1 45->70 + GELU -> fc2 70->20: GEMM tile tails")
def _gemm_tails(seed):
    """Shapes that no GPU GEMM tile divides (lib/Lowering/Gemm.cpp,
    docs/gpu.md): 39 rows (one full 32-row tile plus a shifted one), 70
    columns (64 + a shifted tile), 20 columns (narrower than a tile), K 45
    (one chunk, scalar staging) and K 70 (five chunks of 14); the GELU is
    fused into fc1."""
    mod = nn.Sequential(nn.Linear(45, 70), nn.GELU(), nn.Linear(70, 20))
    weights = init_weights(mod, seed, "gemm_tails", "mlp.")
    x = f32(rng_for(seed, "gemm_tails", "inputs").standard_normal((BATCH, 13, 45)))
    expected = {"y": run(mod, t(x))}

    def ref():
        r = NumpyRef(weights)
        return {"y": r.linear(gelu_np(r.linear(x, "mlp.0")), "mlp.2")}
    return Golden(weights, {"x": x}, expected, ref, op_ir("gemm_tails"), "main")


@case("matmul", doc="a [3,2,37,24] x b [3,2,24,50] -> y [3,2,37,50]")
def _matmul(seed):
    """tfx.matmul over 6 matrices of 37 rows (a full 32-row GPU tile plus a
    shifted one), 50 columns and K 24."""
    rng = rng_for(seed, "matmul", "inputs")
    a = f32(rng.standard_normal((BATCH, 2, 37, 24)))
    b = f32(rng.standard_normal((BATCH, 2, 24, 50)))
    expected = {"y": run(torch.matmul, t(a), t(b))}
    return Golden({}, {"a": a, "b": b}, expected,
                  lambda: {"y": a.astype(np.float64) @ b.astype(np.float64)},
                  op_ir("matmul"), "main")


@case("layer_norm", doc="LayerNorm(16), eps 1e-5, input with mean ~2, std ~3")
def _layer_norm(seed):
    mod = nn.LayerNorm(16, eps=LN_EPS)
    weights = init_weights(mod, seed, "layer_norm", "layer_norm.")
    x = f32(2.0 + 3.0 * rng_for(seed, "layer_norm", "inputs").standard_normal((BATCH, 5, 16)))
    expected = {"y": run(mod, t(x))}
    ref = lambda: {"y": NumpyRef(weights).layer_norm(x, "layer_norm")}  # noqa: E731
    return Golden(weights, {"x": x}, expected, ref, op_ir("layer_norm"), "main")


def _mha(name, causal, cross, memory_len=7):
    d, heads, lq = 16, 4, (5 if cross else 8)
    lk = memory_len if cross else lq

    def build(seed):
        mod = Attention(d, heads)
        weights = init_weights(mod, seed, name, "attn.")
        rng = rng_for(seed, name, "inputs")
        query = f32(rng.standard_normal((BATCH, lq, d)))
        if cross:
            memory = f32(rng.standard_normal((BATCH, lk, d)))
            # An arbitrary (not only trailing) keep pattern, >= 1 key per row.
            keep = rng.random((BATCH, lk)) < 0.6
            keep[:, 0] = False
            keep[np.arange(BATCH), rng.integers(1, lk, size=BATCH)] = True
            keep[0, :] = True
            inputs = {"query": query, "memory": memory, "memory_mask": keep}
            expected = {"y": run(lambda a, b, k: mod(a, b, k), t(query), t(memory), t(keep))}
            ref = lambda: {"y": NumpyRef(weights).attention(  # noqa: E731
                query, memory, "attn", heads, keep)}
        else:
            ids = padded_ids(rng, BATCH, lq, 32)
            keep = ids != PAD
            inputs = {"x": query, "ids": ids}
            expected = {"y": run(lambda a, k: mod(a, a, k, causal), t(query), t(keep))}
            ref = lambda: {"y": NumpyRef(weights).attention(  # noqa: E731
                query, query, "attn", heads, keep, causal)}

        def reference():
            check_against_torch_mha(mod, inputs, expected, causal, cross)
            return ref()
        return Golden(weights, inputs, expected, reference, op_ir(name), "main")
    return build


def check_against_torch_mha(mod, inputs, expected, causal, cross):
    """The Attention module equals torch.nn.MultiheadAttention(batch_first)."""
    d, heads = mod.d, mod.heads
    mha = nn.MultiheadAttention(d, heads, batch_first=True)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([mod.q_proj.weight, mod.k_proj.weight,
                                            mod.v_proj.weight]))
        mha.in_proj_bias.copy_(torch.cat([mod.q_proj.bias, mod.k_proj.bias,
                                          mod.v_proj.bias]))
        mha.out_proj.weight.copy_(mod.out_proj.weight)
        mha.out_proj.bias.copy_(mod.out_proj.bias)
    mha.eval()
    if cross:
        q, kv, keep = t(inputs["query"]), t(inputs["memory"]), t(inputs["memory_mask"])
    else:
        q = kv = t(inputs["x"])
        keep = t(inputs["ids"] != PAD)
    lq = q.shape[1]
    attn_mask = torch.triu(torch.ones(lq, lq, dtype=torch.bool), 1) if causal else None
    # Grad enabled and distinct key tensor: keeps torch off its fast path.
    out, _ = mha(q, kv.clone(), kv.clone(), key_padding_mask=~keep,
                 attn_mask=attn_mask, need_weights=False)
    err = np.abs(out.detach().numpy() - expected["y"]).max()
    if err > 1e-5:
        raise GoldenError(f"Attention differs from nn.MultiheadAttention by {err}")


case("mha_self", doc="self-attention d 16, 4 heads, L 8, key padding from ids")(
    _mha("mha_self", False, False))
case("mha_causal", doc="as mha_self, causal")(_mha("mha_causal", True, False))
case("mha_cross", doc="query L 5, memory L 7, BOOL key mask input")(
    _mha("mha_cross", False, True))
case("mha_long", doc="as mha_cross with memory L 1030: above the fused GPU attention kernel's "
     "1024 keys (lib/Lowering/Attention.cpp), the multi-launch fallback")(
    _mha("mha_long", False, True, 1030))


@case("attention_tiles", doc="cross (one all-padding memory) and causal attention, "
      "d 128, 2 heads, Lq 13, Lk 75: the GPU attention kernel's tails")
def _attention_tiles(seed):
    """Shapes that the fused GPU attention kernel (lib/Lowering/Attention.cpp)
    does not divide: 13 query rows (tiles of 8), 75 memory keys (reductions
    64 keys wide), heads of 64 channels. Sentence 1's memory is all padding:
    its queries see no key, their context is 0 (the tfx convention,
    docs/running.md) and y[1] is the output projection's bias; torch gives
    NaN there, so expected and reference set it. y_causal: causal
    self-attention over the queries (13 keys)."""
    d, heads, lq, lk = 128, 2, 13, 75
    cross, self_attn = Attention(d, heads), Attention(d, heads)
    weights = {**init_weights(cross, seed, "attention_tiles", "cross."),
               **init_weights(self_attn, seed, "attention_tiles", "self.")}
    rng = rng_for(seed, "attention_tiles", "inputs")
    query = f32(rng.standard_normal((BATCH, lq, d)))
    memory = f32(rng.standard_normal((BATCH, lk, d)))
    keep = rng.random((BATCH, lk)) < 0.7
    keep[0, :] = True
    keep[2, 5] = True
    keep[1, :] = False
    seen = keep.copy()
    seen[1, :] = True  # any mask: sentence 1 is overwritten below
    inputs = {"query": query, "memory": memory, "memory_mask": keep}
    y = run(lambda a, b, k: cross(a, b, k), t(query), t(memory), t(seen))
    y[1] = weights["cross.out_proj.bias"]
    expected = {"y": y,
                "y_causal": run(lambda a: self_attn(a, a, None, True), t(query))}

    def reference():
        r = NumpyRef(weights)
        ref_y = r.attention(query, memory, "cross", heads, seen)
        ref_y[1] = weights["cross.out_proj.bias"]
        return {"y": ref_y, "y_causal": r.attention(query, query, "self", heads, None, True)}
    return Golden(weights, inputs, expected, reference, op_ir("attention_tiles"), "main")


@case("norm_wide", doc="LayerNorm(300), softmax over the last and the middle axis of [3,4,300]")
def _norm_wide(seed):
    """Rows wider than a GPU block (lib/Lowering/Normalization.cpp: 256
    threads a row, a strided tail of 44) and a softmax over a strided axis
    (300 rows a sentence: blocks of 32 rows, the last partial). Elements
    are offset by up to +-100 (the maximum must be subtracted)."""
    mod = nn.LayerNorm(300, eps=LN_EPS)
    weights = init_weights(mod, seed, "norm_wide", "layer_norm.")
    x = f32(2.0 + 3.0 * rng_for(seed, "norm_wide", "inputs").standard_normal((BATCH, 4, 300)))
    x[:, 1, ::2] += 100.0  # every other row of the middle softmax is one-hot
    x[:, :, 7] -= 100.0
    expected = {"y_ln": run(mod, t(x)), "y_softmax": run(lambda a: torch.softmax(a, -1), t(x)),
                "y_softmax_mid": run(lambda a: torch.softmax(a, 1), t(x))}

    def reference():
        x64 = x.astype(np.float64)
        return {"y_ln": NumpyRef(weights).layer_norm(x, "layer_norm"),
                "y_softmax": NumpyRef.softmax(x64),
                "y_softmax_mid": NumpyRef.softmax(x64.swapaxes(1, 2)).swapaxes(1, 2)}
    return Golden(weights, {"x": x}, expected, reference, op_ir("norm_wide"), "main")


@case("encoder_layer", doc="one pre-LN encoder layer, d 16, 4 heads, ffn 32, L 8")
def _encoder_layer(seed):
    d, heads, ffn, length = 16, 4, 32, 8
    mod = EncoderLayer(d, heads, ffn)
    weights = init_weights(mod, seed, "encoder_layer", "encoder.layers.0.")
    rng = rng_for(seed, "encoder_layer", "inputs")
    x = f32(rng.standard_normal((BATCH, length, d)))
    ids = padded_ids(rng, BATCH, length, 32)
    expected = {"y": run(mod, t(x), t(ids != PAD))}
    ref = lambda: {"y": NumpyRef(weights).encoder_layer(  # noqa: E731
        x.astype(np.float64), ids != PAD, "encoder.layers.0.", heads)}
    return Golden(weights, {"x": x, "ids": ids}, expected, ref,
                  op_ir("encoder_layer"), "main")


@case("decoder_layer", doc="one pre-LN decoder layer, tgt L 8, memory L 6")
def _decoder_layer(seed):
    d, heads, ffn, lt, ls = 16, 4, 32, 8, 6
    mod = DecoderLayer(d, heads, ffn)
    weights = init_weights(mod, seed, "decoder_layer", "decoder.layers.0.")
    rng = rng_for(seed, "decoder_layer", "inputs")
    x = f32(rng.standard_normal((BATCH, lt, d)))
    memory = f32(rng.standard_normal((BATCH, ls, d)))
    tgt = padded_ids(rng, BATCH, lt, 32, first=BOS)
    src = padded_ids(rng, BATCH, ls, 32, last=EOS)
    expected = {"y": run(mod, t(x), t(tgt != PAD), t(memory), t(src != PAD))}
    ref = lambda: {"y": NumpyRef(weights).decoder_layer(  # noqa: E731
        x.astype(np.float64), tgt != PAD, memory, src != PAD, "decoder.layers.0.", heads)}
    inputs = {"x": x, "tgt_ids": tgt, "memory": memory, "src_ids": src}
    return Golden(weights, inputs, expected, ref, op_ir("decoder_layer"), "main")


# tfx.flat_mlp ---------------------------------------------------------------

def _flat_mlp(name, hidden, per_position=False, cross=False, slope=0.01, eps=LN_EPS,
              x_scale=1.0, fc1_scale=1.0):
    """Per-op cases of tfx.flat_mlp, params `mlp.*`, d 16, length 8.

    Masks are BOOL inputs (true = keep). `keep` / `query_keep` have trailing
    padding with >= 2 real positions per row; the cross case's
    `memory_keep` (length 6) is an arbitrary pattern with >= 1 kept position.
    Inputs are random at padded positions too, so the input masking matters.
    `x_scale` / `fc1_scale` shrink the input and fc1 so that both LayerNorm
    variances are ~1e-6 and the epsilon matters (flat_mlp_slope).
    """
    d, length, mem_len = 16, 8, 6

    def build(seed):
        rng = rng_for(seed, name, "inputs")
        n_in = mem_len + length if cross else length
        mod = FlatMLP(n_in, d, hidden, length, d, per_position, slope, eps)
        weights = init_weights(mod, seed, name, "mlp.")
        if fc1_scale != 1.0:
            for k in ("mlp.fc1.weight", "mlp.fc1.bias"):
                weights[k] = f32(weights[k] * fc1_scale)
            mod.load_state_dict({k[len("mlp."):]: t(v) for k, v in weights.items()})
        x = f32(x_scale * rng.standard_normal((BATCH, length, d)))
        keep = padded_ids(rng, BATCH, length, 32) != PAD
        if cross:
            memory = f32(x_scale * rng.standard_normal((BATCH, mem_len, d)))
            memory_keep = rng.random((BATCH, mem_len)) < 0.6
            memory_keep[np.arange(BATCH), rng.integers(0, mem_len, size=BATCH)] = True
            memory_keep[0, :] = True
            inputs = {"memory": memory, "memory_keep": memory_keep,
                      "query": x, "query_keep": keep}
            both = np.concatenate([memory, x], axis=1)
            both_keep = np.concatenate([memory_keep, keep], axis=1)
        else:
            inputs = {"x": x, "keep": keep}
            both, both_keep = x, keep
        expected = {"y": run(mod, t(both), t(both_keep), t(keep))}

        def ref():
            return {"y": NumpyRef(weights).flat_mlp(both, both_keep, keep, "mlp",
                                                    per_position, slope, eps)}
        info = ""
        if eps != LN_EPS:
            # How much the result depends on epsilon (it must be visible at 1e-4).
            other = FlatMLP(n_in, d, hidden, length, d, per_position, slope, LN_EPS)
            other.load_state_dict(mod.state_dict())
            other.eval()
            alt = run(other, t(both), t(both_keep), t(keep))
            info = (f"with epsilon {LN_EPS:g} instead of {eps:g} the result would differ "
                    f"by {max_rel_err(alt, expected['y']):.3g} (relative)")
        return Golden(weights, inputs, expected, ref, op_ir(name), "main", info)
    return build


case("flat_mlp", doc="x [3,8,16], keep [3,8] (in and out mask), hidden 20, out [3,8,16]")(
    _flat_mlp("flat_mlp", 20))
case("flat_mlp_per_position",
     doc="per_position (causal) form: fc2 [16,20], position i sees keep & (j <= i)")(
    _flat_mlp("flat_mlp_per_position", 20, per_position=True))
case("flat_mlp_cross",
     doc="input concat(memory [3,6,16], query [3,8,16]), masks concatenated, "
         "out length 8 masked by query_keep, hidden 24")(
    _flat_mlp("flat_mlp_cross", 24, cross=True))
case("flat_mlp_slope",
     doc="as flat_mlp with negative_slope 0.2, epsilon 1e-6, tiny input and fc1 "
         "so that epsilon matters")(
    _flat_mlp("flat_mlp_slope", 20, slope=0.2, eps=1e-6, x_scale=1e-3, fc1_scale=1e-3))


# tfx.lightweight_conv / tfx.dynamic_conv --------------------------------------

def _conv(name, kind, length, channels, heads, kernel_size, padding,
          weight_softmax=True, bias=True):
    """Per-op conv cases, params `conv.*`: x [3, length, channels] -> y."""
    def build(seed):
        if kind == "lightweight":
            mod = LightweightConv(heads, kernel_size, padding, weight_softmax)
        else:
            mod = DynamicConv(channels, heads, kernel_size, padding, weight_softmax, bias)
        weights = init_weights(mod, seed, name, "conv.")
        x = f32(rng_for(seed, name, "inputs").standard_normal((BATCH, length, channels)))
        expected = {"y": run(mod, t(x))}

        def ref():
            r = NumpyRef(weights)
            if kind == "lightweight":
                return {"y": r.lightweight_conv(x, "conv", padding, weight_softmax)}
            return {"y": r.dynamic_conv(x, "conv", heads, kernel_size, padding,
                                        weight_softmax, bias)}
        return Golden(weights, {"x": x}, expected, ref, op_ir(name), "main")
    return build


case("lightweight_conv", doc="x [3,8,16], 4 heads (c uses head c*4/16), K 5, centered, "
     "softmax")(_conv("lightweight_conv", "lightweight", 8, 16, 4, 5, "centered"))
case("lightweight_conv_causal", doc="x [3,8,16], 4 heads, even K 4, causal, softmax")(
    _conv("lightweight_conv_causal", "lightweight", 8, 16, 4, 4, "causal"))
case("lightweight_conv_raw", doc="x [3,6,12], 3 heads, K 11 > L 6, centered, "
     "weight_softmax = false")(
    _conv("lightweight_conv_raw", "lightweight", 6, 12, 3, 11, "centered", False))
case("dynamic_conv", doc="x [3,8,16], 4 heads, K 3, causal, softmax, kernel bias")(
    _conv("dynamic_conv", "dynamic", 8, 16, 4, 3, "causal"))
case("dynamic_conv_centered", doc="x [3,8,16], 2 heads, K 5, centered, softmax, no bias")(
    _conv("dynamic_conv_centered", "dynamic", 8, 16, 2, 5, "centered", bias=False))
case("dynamic_conv_raw", doc="x [3,6,12], 3 heads, K 9 > L 6, causal, "
     "weight_softmax = false")(
    _conv("dynamic_conv_raw", "dynamic", 6, 12, 3, 9, "causal", False))


def _conv_glu(name, kind, kernel_size, padding):
    """Lite Transformer's conv branch as the models write it: in_proj
    Linear(8 -> 16) -> GLU -> zero where ids == 0 -> conv (2 heads) ->
    out_proj Linear(8 -> 8); params `conv.*`. x is random at padded positions,
    so the masking matters."""
    length, channels, heads = 8, 8, 2

    def build(seed):
        mod = LiteConvBranch(channels, heads, kernel_size, kind, padding)
        weights = init_weights(mod, seed, name, "conv.")
        rng = rng_for(seed, name, "inputs")
        x = f32(rng.standard_normal((BATCH, length, channels)))
        ids = padded_ids(rng, BATCH, length, 32)
        expected = {"y": run(mod, t(x), t(ids != PAD))}
        ref = lambda: {"y": NumpyRef(weights).lite_conv_branch(  # noqa: E731
            x, ids != PAD, "conv", kind, heads, kernel_size, padding)}
        return Golden(weights, {"x": x, "ids": ids}, expected, ref, op_ir(name), "main")
    return build


case("lightweight_conv_glu", doc="encoder conv branch: x [3,8,8], ids [3,8]; in_proj, GLU, "
     "mask, lightweight K 9 > L 8 centered, out_proj")(
    _conv_glu("lightweight_conv_glu", "lightweight", 9, "centered"))
case("dynamic_conv_glu", doc="decoder conv branch: x [3,8,8], ids [3,8]; in_proj, GLU, "
     "mask, dynamic K 11 > L 8 causal, out_proj")(
    _conv_glu("dynamic_conv_glu", "dynamic", 11, "causal"))


# Whole models ---------------------------------------------------------------

MODEL_BATCH = {"teacher-tiny": 3, "teacher": 2, "lite-tiny": 3, "lite": 2}
GREEDY_MODELS = ("teacher-tiny", "teacher", "lite-tiny")
_model_cache = {}


def load_model(model, seed):
    """(cfg, Transformer or LiteTransformer, weights) for examples/models/MODEL.mlir."""
    key = (model, seed)
    if key not in _model_cache:
        with open(os.path.join(MODELS_DIR, "configs", model + ".json")) as f:
            cfg = json.load(f)
        arch = cfg.get("architecture")
        if arch == "transformer" and cfg.get("norm", "pre") == "pre":
            net = Transformer(cfg)
        elif arch == "lite" and cfg.get("norm", "post") == "post":
            net = LiteTransformer(cfg)
        else:
            raise GoldenError(f"{model}: only pre-LN 'transformer' and post-LN 'lite' "
                              f"models are supported")
        weights = init_weights(net, seed, model)
        # The weights must be exactly the model's tfx.param names and shapes.
        with open(os.path.join(MODELS_DIR, model + ".mlir")) as f:
            params = parse_params(f.read())
        shapes = {k: list(v.shape) for k, v in weights.items()}
        wanted = {k: dims for k, (dims, _) in params.items()}
        if shapes != wanted:
            raise GoldenError(
                f"{model}: torch parameters differ from the tfx.param of {model}.mlir: "
                f"only in torch {sorted(set(shapes) - set(wanted))}, only in IR "
                f"{sorted(set(wanted) - set(shapes))}, shape differences "
                f"{sorted(k for k in shapes if k in wanted and shapes[k] != wanted[k])}")
        _model_cache[key] = (cfg, net, weights)
    return _model_cache[key]


def _model_case(model, entry):
    ir = os.path.join(MODELS_DIR, model + ".mlir")

    def build(seed):
        cfg, net, weights = load_model(model, seed)
        rng = rng_for(seed, f"{model}-{entry}", "inputs")
        batch, length, vocab = MODEL_BATCH[model], cfg["max_len"], cfg["vocab_size"]
        src = padded_ids(rng, batch, length, vocab, last=EOS)
        if entry == "encode":
            memory = run(net.encoder, t(src))
            ref = lambda: {"memory": NumpyRef(weights).encode(cfg, src)}  # noqa: E731
            return Golden(weights, {"src_ids": src}, {"memory": memory}, ref, ir, "encode")
        if entry == "decode":
            memory = run(net.encoder, t(src))
            tgt = padded_ids(rng, batch, length, vocab, first=BOS)
            logits = run(net.decoder, t(memory), t(src), t(tgt))
            ref = lambda: {"logits": NumpyRef(weights).decode(  # noqa: E731
                cfg, memory, src, tgt)}
            return Golden(weights, {"memory": memory, "src_ids": src, "tgt_ids": tgt},
                          {"logits": logits}, ref, ir, "decode")
        # greedy
        tokens, stats = torch_greedy(net, src, length)
        if not stats["min_gap"] > MIN_GREEDY_GAP:
            raise GoldenError(f"{model} greedy: smallest top-1/top-2 logit gap "
                              f"{stats['min_gap']:.3g} <= {MIN_GREEDY_GAP}; the result "
                              f"would depend on rounding, choose another --seed")

        def ref():
            # The incremental torch decoder agrees with the full one ...
            full = run(net.decoder, t(run(net.encoder, t(src))), t(src), t(tokens))
            err = max_rel_err(stats["logits"], full[:, :-1])
            print(f"  self-check {model}-greedy: incremental vs full torch decode "
                  f"logits {err:.3g}")
            if err > 1e-4:
                raise GoldenError(f"{model}-greedy: incremental decoding differs")
            # ... and numpy (float64, whole prefix each step) finds the same tokens.
            return {"tokens": numpy_greedy(NumpyRef(weights), cfg, src, length)[0]}
        info = (f"min top-1/top-2 gap {stats['min_gap']:.4g}, EOS at "
                f"{stats['eos_positions']} (-1 = none), PAD emitted "
                f"{stats['pad_emitted']}x")
        return Golden(weights, {"src_ids": src}, {"tokens": tokens}, ref, ir, "encode", info,
                      results_in_ir=False)
    return build


for _m in ("teacher-tiny", "teacher", "lite-tiny", "lite"):
    case(f"{_m}-encode", _m, f"examples/models/{_m}.mlir @encode")(_model_case(_m, "encode"))
    case(f"{_m}-decode", _m, f"examples/models/{_m}.mlir @decode")(_model_case(_m, "decode"))
    if _m in GREEDY_MODELS:
        case(f"{_m}-greedy", _m, f"examples/models/{_m}.mlir greedy search")(
            _model_case(_m, "greedy"))


# Models with attention replaced by MLPs (tfx-opt --replace-attention) -------
#
# The IR of these cases is not in the repository: it is what
# `tfx-opt MODEL.mlir --canonicalize --replace-attention="OPTIONS"` writes
# (OPTIONS in REPLACED_CASES). It is read from `--model-dir DIR`
# (DIR/CASE.mlir), or made with tfx-opt into --out when that is not given.
# The PyTorch model below follows REFERENCE.md section 2, not the pass; the
# IR check then shows that the pass kept exactly the teacher parameters that
# the replaced model still uses and declared the MLP ones with the sizes the
# paper's formula gives.

# Hidden width = flattened inputs / w (REFERENCE.md section 2).
MLP_DIVISOR = {"xs": 256, "s": 128, "m": 8, "l": 2}
ASLR_DIVISOR = {"xs": 32, "s": 16, "m": 8, "l": 4}
SITE_ENTRY = {"enc-sa": "encode", "dec-sa": "decode", "dec-ca": "decode"}

REPLACED_CASES = {
    # case: (model, mode, sites, size, entry)
    "teacher-tiny-alr-encode": ("teacher-tiny", "alr", ("enc-sa",), "12", "encode"),
    "teacher-tiny-alrr-encode": ("teacher-tiny", "alrr", ("enc-sa",), "12", "encode"),
    "teacher-tiny-aslr-encode": ("teacher-tiny", "aslr", ("enc-sa",), "xs", "encode"),
    "teacher-tiny-elr-encode": ("teacher-tiny", "elr", ("enc-sa",), "12", "encode"),
    "teacher-tiny-alr-decode": ("teacher-tiny", "alr", ("dec-sa", "dec-ca"), "12", "decode"),
}


def replace_options(mode, sites, size):
    return f"mode={mode} sites={','.join(sites)} size={size}"


def mlp_hidden(size, flat, per_head=False):
    if size in MLP_DIVISOR:
        hidden = flat // (ASLR_DIVISOR if per_head else MLP_DIVISOR)[size]
    else:
        hidden = int(size)
    if hidden < 1:
        raise GoldenError(f"size {size} gives an MLP hidden width of {flat} / w < 1; "
                          f"use a larger size or an explicit width")
    return hidden


class ReplacedTransformer(Transformer):
    """The teacher with attention sites replaced by FlatMLPs (REFERENCE.md 2).

    The MLPs are submodules at the paths of their tfx parameters
    (`<site>.<mode>.*`, ASLR `<site>.aslr.head<h>.*`, ELR `<layer>.elr.*`).
    The teacher parameters that the replacement makes unused stay in the
    module but are not part of `kept_weights`.
    """

    def __init__(self, cfg, mode, sites, size):
        super().__init__(cfg)
        self.mode, self.sites = mode, set(sites)
        d, heads, length = cfg["d_model"], cfg["num_heads"], cfg["max_len"]
        flat = length * d
        self.dropped = []  # prefixes of teacher parameters no longer used
        if "enc-sa" in self.sites:
            for i, layer in enumerate(self.encoder.layers):
                p = f"encoder.layers.{i}."
                if mode == "alr":
                    layer.self_attn.alr = FlatMLP(length, d, mlp_hidden(size, flat), length, d)
                    self.dropped += [p + f"self_attn.{x}_proj." for x in "qkv"]
                elif mode == "aslr":
                    hidden = mlp_hidden(size, flat, per_head=True)
                    layer.self_attn.aslr = MlpHeads(heads, lambda: FlatMLP(
                        length, d, hidden, length, d // heads))
                    self.dropped += [p + f"self_attn.{x}_proj." for x in "qkv"]
                elif mode == "alrr":
                    layer.self_attn.alrr = FlatMLP(length, d, mlp_hidden(size, flat), length, d)
                    self.dropped += [p + "self_attn_layer_norm.", p + "self_attn."]
                elif mode == "elr":
                    layer.elr = FlatMLP(length, d, mlp_hidden(size, flat), length, d)
                    self.dropped += [p]
                else:
                    raise GoldenError(f"unknown mode {mode}")
        if self.sites - {"enc-sa"} and mode != "alr":
            raise GoldenError("decoder sites are replaced by alr only")
        for i, layer in enumerate(self.decoder.layers):
            p = f"decoder.layers.{i}."
            if "dec-sa" in self.sites:
                layer.self_attn.alr = FlatMLP(length, d, mlp_hidden(size, flat), length, d,
                                              per_position=True)
                self.dropped += [p + f"self_attn.{x}_proj." for x in "qkv"]
            if "dec-ca" in self.sites:
                layer.encoder_attn.alr = FlatMLP(2 * length, d, mlp_hidden(size, 2 * flat),
                                                 length, d)
                self.dropped += [p + f"encoder_attn.{x}_proj." for x in "qkv"]

    def kept_weights(self, weights):
        new = (".alr.", ".alrr.", ".aslr.", ".elr.")
        return {k: v for k, v in weights.items()
                if any(n in k for n in new) or not any(k.startswith(p) for p in self.dropped)}

    def encode(self, src_ids):
        enc, keep = self.encoder, src_ids != PAD
        x = enc.embed(src_ids)
        for layer in enc.layers:
            if "enc-sa" not in self.sites:
                x = layer(x, keep)
                continue
            if self.mode == "elr":  # the whole layer
                x = layer.elr(x, keep, keep)
                continue
            if self.mode == "alrr":  # the whole sublayer x + attn(LN(x))
                x = layer.self_attn.alrr(x, keep, keep)
            else:  # alr / aslr: the heads before W_O
                mlp = layer.self_attn.alr if self.mode == "alr" else layer.self_attn.aslr
                x = x + layer.self_attn.out_proj(mlp(layer.self_attn_layer_norm(x), keep, keep))
            x = x + layer.ffn(layer.final_layer_norm(x))
        return enc.layer_norm(x)

    def decode(self, memory, src_ids, tgt_ids):
        dec = self.decoder
        src_keep, tgt_keep = src_ids != PAD, tgt_ids != PAD
        y = dec.embed(tgt_ids)
        for layer in dec.layers:
            h = layer.self_attn_layer_norm(y)
            if "dec-sa" in self.sites:  # per-position (causal) MLP, then W_O
                y = y + layer.self_attn.out_proj(layer.self_attn.alr(h, tgt_keep, tgt_keep))
            else:
                y = y + layer.self_attn(h, h, tgt_keep, causal=True)
            q = layer.encoder_attn_layer_norm(y)
            if "dec-ca" in self.sites:  # MLP on concat(memory, LN(y)), then W_O
                y = y + layer.encoder_attn.out_proj(layer.encoder_attn.alr(
                    torch.cat([memory, q], dim=1), torch.cat([src_keep, tgt_keep], dim=1),
                    tgt_keep))
            else:
                y = y + layer.encoder_attn(q, memory, src_keep)
            y = y + layer.ffn(layer.final_layer_norm(y))
        return dec.output_projection(dec.layer_norm(y))


def numpy_encode_replaced(ref, cfg, src, mode):
    """float64 encoder with every encoder self-attention replaced by `mode`."""
    d, heads = cfg["d_model"], cfg["num_heads"]
    keep = src != PAD
    x = ref.embed(src, "encoder", d)
    for i in range(cfg["encoder_layers"]):
        p = f"encoder.layers.{i}."
        if mode == "elr":
            x = ref.flat_mlp(x, keep, keep, p + "elr")
            continue
        if mode == "alrr":
            x = ref.flat_mlp(x, keep, keep, p + "self_attn.alrr")
        else:
            h = ref.layer_norm(x, p + "self_attn_layer_norm")
            if mode == "alr":
                heads_out = ref.flat_mlp(h, keep, keep, p + "self_attn.alr")
            else:  # [pos][head][d_head]
                heads_out = np.concatenate(
                    [ref.flat_mlp(h, keep, keep, p + f"self_attn.aslr.head{k}")
                     for k in range(heads)], axis=-1)
            x = x + ref.linear(heads_out, p + "self_attn.out_proj")
        x = x + ref.ffn(ref.layer_norm(x, p + "final_layer_norm"), p + "ffn")
    return ref.layer_norm(x, "encoder.layer_norm")


def numpy_decode_replaced(ref, cfg, memory, src, tgt, sites):
    d, heads = cfg["d_model"], cfg["num_heads"]
    src_keep, tgt_keep = src != PAD, tgt != PAD
    memory = np.asarray(memory, np.float64)
    y = ref.embed(tgt, "decoder", d)
    for i in range(cfg["decoder_layers"]):
        p = f"decoder.layers.{i}."
        h = ref.layer_norm(y, p + "self_attn_layer_norm")
        if "dec-sa" in sites:
            a = ref.flat_mlp(h, tgt_keep, tgt_keep, p + "self_attn.alr", per_position=True)
            y = y + ref.linear(a, p + "self_attn.out_proj")
        else:
            y = y + ref.attention(h, h, p + "self_attn", heads, tgt_keep, causal=True)
        q = ref.layer_norm(y, p + "encoder_attn_layer_norm")
        if "dec-ca" in sites:
            a = ref.flat_mlp(np.concatenate([memory, q], axis=1),
                             np.concatenate([src_keep, tgt_keep], axis=1), tgt_keep,
                             p + "encoder_attn.alr")
            y = y + ref.linear(a, p + "encoder_attn.out_proj")
        else:
            y = y + ref.attention(q, memory, p + "encoder_attn", heads, src_keep)
        y = y + ref.ffn(ref.layer_norm(y, p + "final_layer_norm"), p + "ffn")
    return ref.linear(ref.layer_norm(y, "decoder.layer_norm"), "decoder.output_projection")


# Where the replaced IR comes from; set by main().
REPLACED_IR = {"model_dir": None, "tfx_opt": None, "out": None}


def find_tfx_opt():
    for cand in (REPLACED_IR["tfx_opt"], shutil.which("tfx-opt"),
                 os.path.join(REPO, "build", "bin", "tfx-opt")):
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    raise GoldenError("replaced-model cases need the replaced IR: pass --model-dir DIR "
                      "(DIR/CASE.mlir written by tfx-opt) or --tfx-opt PATH")


def replaced_ir(name, model, options):
    if REPLACED_IR["model_dir"]:
        path = os.path.join(REPLACED_IR["model_dir"], name + ".mlir")
        if not os.path.isfile(path):
            raise GoldenError(f"{path} does not exist; make it with tfx-opt "
                              f"examples/models/{model}.mlir --canonicalize "
                              f"--replace-attention=\"{options}\" -o {path}")
        return path
    path = os.path.join(REPLACED_IR["out"], name + ".mlir")
    os.makedirs(REPLACED_IR["out"], exist_ok=True)
    cmd = [find_tfx_opt(), os.path.join(MODELS_DIR, model + ".mlir"), "--canonicalize",
           f"--replace-attention={options}", "-o", path]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise GoldenError(f"{' '.join(cmd)} failed:\n{proc.stdout}")
    return path


def func_body(text, func):
    m = re.search(r"func\.func\s+@" + re.escape(func) + r"\b(.*?)(?=func\.func\s+@|\Z)",
                  text, re.S)
    if not m:
        raise GoldenError(f"no func.func @{func}")
    return m.group(1)


def check_replaced_structure(path, cfg, mode, sites, entry):
    """Counts tfx.flat_mlp (and per_position ones) and the attention ops left
    in the entry: the sites replaced, nothing else."""
    with open(path) as f:
        body = func_body(f.read(), entry)
    in_entry = [s for s in SITE_ENTRY if SITE_ENTRY[s] == entry]
    layers = cfg["encoder_layers"] if entry == "encode" else cfg["decoder_layers"]
    per_site = cfg["num_heads"] if mode == "aslr" else 1
    want = {"tfx.flat_mlp": layers * per_site * len([s for s in in_entry if s in sites]),
            "per_position": layers if "dec-sa" in sites and entry == "decode" else 0,
            "tfx.attention ": layers * len([s for s in in_entry if s not in sites])}
    got = {k: body.count(k) for k in want}
    if got != want:
        raise GoldenError(f"{path} @{entry}: expected {want}, found {got}")


def _replaced_case(name, model, mode, sites, size, entry):
    options = replace_options(mode, sites, size)

    def build(seed):
        ir = replaced_ir(name, model, options)
        with open(os.path.join(MODELS_DIR, "configs", model + ".json")) as f:
            cfg = json.load(f)
        net = ReplacedTransformer(cfg, mode, sites, size)
        # Teacher weights are those of MODEL (same scope and names), plus the MLPs.
        all_weights = init_weights(net, seed, model)
        weights = net.kept_weights(all_weights)
        check_replaced_structure(ir, cfg, mode, sites, entry)
        rng = rng_for(seed, name, "inputs")
        batch, length, vocab = MODEL_BATCH[model], cfg["max_len"], cfg["vocab_size"]
        src = padded_ids(rng, batch, length, vocab, last=EOS)
        memory = run(net.encode, t(src))
        info = f"IR {ir}: tfx-opt {model}.mlir --canonicalize --replace-attention=\"{options}\""
        if entry == "encode":
            ref = lambda: {"memory": numpy_encode_replaced(  # noqa: E731
                NumpyRef(weights), cfg, src, mode)}
            return Golden(weights, {"src_ids": src}, {"memory": memory}, ref, ir,
                          "encode", info)
        tgt = padded_ids(rng, batch, length, vocab, first=BOS)
        logits = run(net.decode, t(memory), t(src), t(tgt))
        ref = lambda: {"logits": numpy_decode_replaced(  # noqa: E731
            NumpyRef(weights), cfg, memory, src, tgt, set(sites))}
        return Golden(weights, {"memory": memory, "src_ids": src, "tgt_ids": tgt},
                      {"logits": logits}, ref, ir, "decode", info)
    return build


for _name, (_m, _mode, _sites, _size, _entry) in REPLACED_CASES.items():
    case(_name, doc=f"{_m}.mlir --replace-attention=\"{replace_options(_mode, _sites, _size)}\""
         f" @{_entry} (IR from --model-dir)")(
        _replaced_case(_name, _m, _mode, _sites, _size, _entry))


# ---------------------------------------------------------------------------
# Driver.
# ---------------------------------------------------------------------------

def max_rel_err(a, e):
    a64, e64 = np.asarray(a, np.float64), np.asarray(e, np.float64)
    return float(np.abs(a64 - e64).max() / max(1.0, np.abs(e64).max()))


def describe(tensors):
    return ", ".join(f"{k} {list(v.shape)} {safetensors_io.dtype_name(v)}"
                     for k, v in tensors.items())


def make(name, seed, out, self_check, verbose=True):
    stem, build, _ = CASES[name]
    t0 = time.perf_counter()
    g = build(seed)
    check_against_ir(g.ir, g.func, g.weights, g.inputs,
                     g.expected if g.results_in_ir else None)
    elapsed = time.perf_counter() - t0
    if self_check:
        ref = g.reference()
        for k, e in ref.items():
            a = g.expected[k]
            if a.dtype.kind in "fc":
                err = max_rel_err(a, e)
                ok = err <= 1e-4
            else:
                err = int((a != e).sum())
                ok = err == 0
            print(f"  self-check {name}/{k}: {'ok' if ok else 'MISMATCH'} "
                  f"(torch vs numpy float64: {err:.3g})")
            if not ok:
                raise GoldenError(f"{name}: self-check failed for '{k}'")
    os.makedirs(out, exist_ok=True)
    safetensors_io.save(os.path.join(out, f"{stem}.weights.safetensors"), g.weights)
    safetensors_io.save(os.path.join(out, f"{name}.inputs.safetensors"), g.inputs)
    safetensors_io.save(os.path.join(out, f"{name}.expected.safetensors"), g.expected)
    if verbose:
        print(f"{name}: {elapsed:.2f}s, weights {stem}.weights.safetensors "
              f"({len(g.weights)} tensors)")
        print(f"  inputs: {describe(g.inputs)}")
        print(f"  expected: {describe(g.expected)}")
        if g.info:
            print(f"  {g.info}")
    return elapsed


def scan_seeds(spec):
    lo, hi = (int(s) for s in spec.split(":"))
    for seed in range(lo, hi):
        for model in GREEDY_MODELS:
            cfg, net, _ = load_model(model, seed)
            rng = rng_for(seed, f"{model}-greedy", "inputs")
            src = padded_ids(rng, MODEL_BATCH[model], cfg["max_len"], cfg["vocab_size"],
                             last=EOS)
            _, stats = torch_greedy(net, src, cfg["max_len"])
            stats.pop("logits")
            print(f"seed {seed} {model}: {stats}")
        _model_cache.clear()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", action="append", default=[],
                    help="case name(s), comma-separated or repeated; 'all' for every case")
    ap.add_argument("--out", help="output directory")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED,
                    help=f"random seed (default {DEFAULT_SEED})")
    ap.add_argument("--list", action="store_true", help="print the case names")
    ap.add_argument("--self-check", action="store_true",
                    help="recompute every expected output with numpy (float64) and compare")
    ap.add_argument("--scan-seeds", metavar="LO:HI",
                    help="print greedy-decoding statistics for seeds LO..HI-1")
    ap.add_argument("--model-dir", metavar="DIR",
                    help="replaced-model cases read their IR from DIR/CASE.mlir (default: "
                         "run tfx-opt --replace-attention into --out)")
    ap.add_argument("--tfx-opt", metavar="PATH",
                    help="tfx-opt for making the replaced IR without --model-dir (default: "
                         "PATH, then build/bin)")
    args = ap.parse_args(argv)

    if args.list:
        for name, (stem, _, doc) in CASES.items():
            print(f"{name:22s} weights {stem + '.weights.safetensors':38s} {doc}")
        return 0
    if args.scan_seeds:
        scan_seeds(args.scan_seeds)
        return 0
    names = [n for spec in args.case for n in spec.split(",") if n]
    if "all" in names:
        names = list(CASES)
    if not names or not args.out:
        ap.error("--case and --out are required (or --list)")
    unknown = [n for n in names if n not in CASES]
    if unknown:
        ap.error(f"unknown case(s) {', '.join(unknown)}; --list shows the cases")
    REPLACED_IR.update(model_dir=args.model_dir, tfx_opt=args.tfx_opt, out=args.out)
    try:
        for name in names:
            make(name, args.seed, args.out, args.self_check)
    except (GoldenError, safetensors_io.SafetensorsError, OSError) as e:
        print(f"make_golden.py: error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
