"""The English->Spanish teacher: the "Rethinking Attention" paper's Transformer.

Encoder-decoder, d_model 128, 8 heads of 16, FFN 512 with ReLU, pre-LN
(LayerNorm eps 1e-5), sinusoidal positions, 6+6 layers by default, sequences
of at most MAX_LEN = 50 positions, dropout 0.1 in training only. Attention is
written out (projections, scaled dot product, masks, softmax) as in the
paper's code and the Annotated Transformer, not with nn.MultiheadAttention:
tfx's ONNX importer and attention matcher rely on the export of exactly this
form, and on the parameter names (encoder.layers.0.self_attn.q_proj.weight,
decoder.output_projection.bias, ...).

Masks: `keep` [B, Lk] bool is True for real tokens (ids != PAD). Shapes are
read from the inputs, so the ONNX export keeps the batch dynamic. The model
works for any length up to MAX_LEN; the compiler's inputs are always padded
to exactly MAX_LEN (trailing padding does not change the real positions).
"""

import dataclasses
import json
import math

import torch
import torch.nn.functional as F
from torch import nn

PAD, BOS, EOS = 0, 1, 2
MAX_LEN = 50


@dataclasses.dataclass
class Config:
    src_vocab_size: int
    tgt_vocab_size: int
    d_model: int = 128
    num_heads: int = 8
    ffn_dim: int = 512
    encoder_layers: int = 6
    decoder_layers: int = 6
    max_len: int = MAX_LEN
    ln_eps: float = 1e-5
    dropout: float = 0.1

    def save(self, path):
        with open(path, "w") as f:
            json.dump(dataclasses.asdict(self), f, indent=2)
            f.write("\n")

    @classmethod
    def load(cls, path):
        with open(path) as f:
            return cls(**json.load(f))


class Attention(nn.Module):
    def __init__(self, d, heads, dropout=0.1, max_len=MAX_LEN):
        super().__init__()
        self.heads, self.d_head = heads, d // heads
        self.q_proj = nn.Linear(d, d)
        self.k_proj = nn.Linear(d, d)
        self.v_proj = nn.Linear(d, d)
        self.out_proj = nn.Linear(d, d)
        self.dropout = nn.Dropout(dropout)
        self.register_buffer("causal_keep",
                             torch.tril(torch.ones(max_len, max_len, dtype=torch.bool)),
                             persistent=False)

    def forward(self, query, key_value, keep, causal):
        """query [B, Lq, D], key_value [B, Lk, D], keep [B, Lk] bool or None."""
        B, Lq, D = query.shape
        Lk = key_value.shape[1]
        H, dh = self.heads, self.d_head
        q = self.q_proj(query).view(B, Lq, H, dh).transpose(1, 2)
        k = self.k_proj(key_value).view(B, Lk, H, dh).transpose(1, 2)
        v = self.v_proj(key_value).view(B, Lk, H, dh).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(dh)
        if causal:
            scores = scores.masked_fill(~self.causal_keep[:Lq, :Lk], float("-inf"))
        if keep is not None:
            scores = scores.masked_fill(~keep[:, None, None, :], float("-inf"))
        p = self.dropout(torch.softmax(scores, dim=-1))
        out = torch.matmul(p, v).transpose(1, 2).reshape(B, Lq, D)
        return self.out_proj(out)


class FeedForward(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.fc1 = nn.Linear(cfg.d_model, cfg.ffn_dim)
        self.fc2 = nn.Linear(cfg.ffn_dim, cfg.d_model)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x):
        return self.fc2(self.dropout(F.relu(self.fc1(x))))


class EncoderLayer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.self_attn = Attention(cfg.d_model, cfg.num_heads, cfg.dropout, cfg.max_len)
        self.final_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.ffn = FeedForward(cfg)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x, keep):
        h = self.self_attn_layer_norm(x)
        x = x + self.dropout(self.self_attn(h, h, keep, causal=False))
        return x + self.dropout(self.ffn(self.final_layer_norm(x)))


class DecoderLayer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.self_attn = Attention(cfg.d_model, cfg.num_heads, cfg.dropout, cfg.max_len)
        self.encoder_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.encoder_attn = Attention(cfg.d_model, cfg.num_heads, cfg.dropout, cfg.max_len)
        self.final_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.ffn = FeedForward(cfg)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, y, tgt_keep, memory, src_keep):
        h = self.self_attn_layer_norm(y)
        y = y + self.dropout(self.self_attn(h, h, tgt_keep, causal=True))
        h = self.encoder_attn_layer_norm(y)
        y = y + self.dropout(self.encoder_attn(h, memory, src_keep, causal=False))
        return y + self.dropout(self.ffn(self.final_layer_norm(y)))


def sinusoids(length, d):
    """PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d))."""
    pos = torch.arange(length, dtype=torch.float64)[:, None]
    freq = torch.pow(10000.0, -torch.arange(0, d, 2, dtype=torch.float64) / d)
    pe = torch.zeros(length, d, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * freq)
    pe[:, 1::2] = torch.cos(pos * freq)
    return pe.float()


class Stack(nn.Module):
    """Base of Encoder and Decoder: embed() is embed_tokens(ids) * sqrt(d)
    + pe[:L], then dropout."""

    def __init__(self, cfg, vocab_size):
        super().__init__()
        self.scale = math.sqrt(cfg.d_model)
        self.embed_tokens = nn.Embedding(vocab_size, cfg.d_model)
        self.register_buffer("pe", sinusoids(cfg.max_len, cfg.d_model), persistent=False)
        self.dropout = nn.Dropout(cfg.dropout)

    def embed(self, ids):
        return self.dropout(self.embed_tokens(ids) * self.scale + self.pe[:ids.shape[1]])


class Encoder(Stack):
    def __init__(self, cfg):
        super().__init__(cfg, cfg.src_vocab_size)
        self.layers = nn.ModuleList(EncoderLayer(cfg) for _ in range(cfg.encoder_layers))
        self.layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)

    def forward(self, src_ids):
        """src_ids [B, L] int64 -> memory [B, L, D]."""
        keep = src_ids != PAD
        x = self.embed(src_ids)
        for layer in self.layers:
            x = layer(x, keep)
        return self.layer_norm(x)


class Decoder(Stack):
    def __init__(self, cfg):
        super().__init__(cfg, cfg.tgt_vocab_size)
        self.layers = nn.ModuleList(DecoderLayer(cfg) for _ in range(cfg.decoder_layers))
        self.layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.output_projection = nn.Linear(cfg.d_model, cfg.tgt_vocab_size)

    def forward(self, memory, src_ids, tgt_ids):
        """memory [B, Ls, D], src_ids [B, Ls], tgt_ids [B, Lt] -> logits [B, Lt, V]."""
        return self.output_projection(self.hidden(memory, src_ids, tgt_ids))

    def hidden(self, memory, src_ids, tgt_ids):
        """The final-layer-norm output [B, Lt, D] that output_projection maps to logits."""
        src_keep, tgt_keep = src_ids != PAD, tgt_ids != PAD
        y = self.embed(tgt_ids)
        for layer in self.layers:
            y = layer(y, tgt_keep, memory, src_keep)
        return self.layer_norm(y)


class Transformer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.decoder = Decoder(cfg)
        for name, param in self.named_parameters():
            if name.endswith("embed_tokens.weight"):
                nn.init.normal_(param, 0.0, cfg.d_model ** -0.5)
            elif param.dim() > 1:
                nn.init.xavier_uniform_(param)

    def forward(self, src_ids, tgt_ids):
        return self.decoder(self.encoder(src_ids), src_ids, tgt_ids)

    @torch.no_grad()
    def greedy(self, src_ids, max_len=MAX_LEN):
        """Greedy decoding as tfx-run --greedy does it (call in eval mode):
        tokens [B, max_len] int64, BOS first; position t+1 gets
        argmax(logits[:, t]); a sentence that produced EOS gets PAD afterwards.
        Step t runs the decoder on tokens[:, :t+1] and projects position t
        only: the same math as the whole PAD-filled buffer (attention is
        causal, the rest per position), only cheaper."""
        memory = self.encoder(src_ids)
        tokens = torch.full((src_ids.shape[0], max_len), PAD, dtype=torch.int64,
                            device=src_ids.device)
        tokens[:, 0] = BOS
        finished = torch.zeros(src_ids.shape[0], dtype=torch.bool, device=src_ids.device)
        for t in range(max_len - 1):
            h = self.decoder.hidden(memory, src_ids, tokens[:, :t + 1])[:, t]
            best = self.decoder.output_projection(h).argmax(-1)
            best = best.masked_fill(finished, PAD)
            tokens[:, t + 1] = best
            finished |= best == EOS
            if bool(finished.all()):
                break
        return tokens
