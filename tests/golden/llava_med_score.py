#!/usr/bin/python3
"""Golden reference for STLLaVA-Med Studio's scoring: LLaVA-Med's scoring functions re-created in
plain Python as the reference code writes them (llava/eval/eval_metrics/utils.py and
llava/eval/run_eval.py), regex quirks included:
  * the punctuation rule looks at the ORIGINAL string (`token`) while replacing in `_token`;
  * periodStrip's `(?!<=\\d)` is a look-ahead that never fires, and `re.UNICODE` (32) is passed
    as re.sub's *count*, so at most 32 periods are removed;
  * evaluate() lower-cases and normalises, then calculate_f1score / calculate_exactmatch normalise
    again; the CLOSED rule uses the once-normalised strings.

Usage: llava_med_score.py PAIRS.json OUT.json
  PAIRS.json: [{"answer_type": "OPEN"|"CLOSED", "reference": str, "prediction": str}, ...]
  OUT.json:   [{"norm_ref": str, "norm_pred": str, "recall": f, "precision": f, "f1": f,
                "exact": f, "closed_hit": 0|1}, ...]
"""
import collections
import json
import re
import sys

contractions = {"aint": "ain't", "arent": "aren't", "cant": "can't", "couldve": "could've",
    "couldnt": "couldn't", "couldn'tve": "couldn't've", "couldnt've": "couldn't've",
    "didnt": "didn't", "doesnt": "doesn't", "dont": "don't", "hadnt": "hadn't",
    "hadnt've": "hadn't've", "hadn'tve": "hadn't've", "hasnt": "hasn't", "havent": "haven't",
    "hed": "he'd", "hed've": "he'd've", "he'dve": "he'd've", "hes": "he's", "howd": "how'd",
    "howll": "how'll", "hows": "how's", "Id've": "I'd've", "I'dve": "I'd've", "Im": "I'm",
    "Ive": "I've", "isnt": "isn't", "itd": "it'd", "itd've": "it'd've", "it'dve": "it'd've",
    "itll": "it'll", "let's": "let's", "maam": "ma'am", "mightnt": "mightn't",
    "mightnt've": "mightn't've", "mightn'tve": "mightn't've", "mightve": "might've",
    "mustnt": "mustn't", "mustve": "must've", "neednt": "needn't", "notve": "not've",
    "oclock": "o'clock", "oughtnt": "oughtn't", "ow's'at": "'ow's'at", "'ows'at": "'ow's'at",
    "'ow'sat": "'ow's'at", "shant": "shan't", "shed've": "she'd've", "she'dve": "she'd've",
    "she's": "she's", "shouldve": "should've", "shouldnt": "shouldn't",
    "shouldnt've": "shouldn't've", "shouldn'tve": "shouldn't've", "somebody'd": "somebodyd",
    "somebodyd've": "somebody'd've", "somebody'dve": "somebody'd've", "somebodyll": "somebody'll",
    "somebodys": "somebody's", "someoned": "someone'd", "someoned've": "someone'd've",
    "someone'dve": "someone'd've", "someonell": "someone'll", "someones": "someone's",
    "somethingd": "something'd", "somethingd've": "something'd've",
    "something'dve": "something'd've", "somethingll": "something'll", "thats": "that's",
    "thered": "there'd", "thered've": "there'd've", "there'dve": "there'd've",
    "therere": "there're", "theres": "there's", "theyd": "they'd", "theyd've": "they'd've",
    "they'dve": "they'd've", "theyll": "they'll", "theyre": "they're", "theyve": "they've",
    "twas": "'twas", "wasnt": "wasn't", "wed've": "we'd've", "we'dve": "we'd've",
    "weve": "we've", "werent": "weren't", "whatll": "what'll", "whatre": "what're",
    "whats": "what's", "whatve": "what've", "whens": "when's", "whered": "where'd",
    "wheres": "where's", "whereve": "where've", "whod": "who'd", "whod've": "who'd've",
    "who'dve": "who'd've", "wholl": "who'll", "whos": "who's", "whove": "who've",
    "whyll": "why'll", "whyre": "why're", "whys": "why's", "wont": "won't",
    "wouldve": "would've", "wouldnt": "wouldn't", "wouldnt've": "wouldn't've",
    "wouldn'tve": "wouldn't've", "yall": "y'all", "yall'll": "y'all'll", "y'allll": "y'all'll",
    "yall'd've": "y'all'd've", "y'alld've": "y'all'd've", "y'all'dve": "y'all'd've",
    "youd": "you'd", "youd've": "you'd've", "you'dve": "you'd've", "youll": "you'll",
    "youre": "you're", "youve": "you've"}

manualMap = {'none': '0', 'zero': '0', 'one': '1', 'two': '2', 'three': '3', 'four': '4',
             'five': '5', 'six': '6', 'seven': '7', 'eight': '8', 'nine': '9', 'ten': '10'}
articles = ['a', 'an', 'the']
periodStrip = re.compile(r"(?!<=\d)(\.)(?!\d)")
commaStrip = re.compile(r"(\d)(\,)(\d)")
punct = [';', r"/", '[', ']', '"', '{', '}', '(', ')', '=', '+', '\\', '_', '-', '>', '<', '@',
         '`', ',', '?', '!']


def normalize_word(token):
    _token = token
    for p in punct:
        if (p + ' ' in token or ' ' + p in token) or (re.search(commaStrip, token) != None):
            _token = _token.replace(p, '')
        else:
            _token = _token.replace(p, ' ')
    token = periodStrip.sub("", _token, re.UNICODE)

    _token = []
    temp = token.lower().split()
    for word in temp:
        word = manualMap.setdefault(word, word)
        if word not in articles:
            _token.append(word)
    for i, word in enumerate(_token):
        if word in contractions:
            _token[i] = contractions[word]
    token = ' '.join(_token)
    token = token.replace(',', '')
    return token


def split_sentence(sentence, n):
    words = collections.defaultdict(int)
    tmp_sentence = sentence
    tmp_sentence = tmp_sentence.lower()
    tmp_sentence = tmp_sentence.strip().split()
    length = len(tmp_sentence)
    for i in range(length - n + 1):
        tmp_words = " ".join(tmp_sentence[i: i + n])
        if tmp_words:
            words[tmp_words] += 1
    return words


def calculate_exactmatch(candidate, reference):
    candidate = normalize_word(candidate)
    reference = normalize_word(reference)
    candidate_words = split_sentence(candidate, 1)
    reference_words = split_sentence(reference, 1)
    count = 0
    total = 0
    for word in reference_words:
        if word in candidate_words:
            count += 1
    for word in candidate_words:
        total += candidate_words[word]
    if total == 0:
        return 0
    else:
        return count / total


def calculate_f1score(candidate, reference):
    candidate = normalize_word(candidate)
    reference = normalize_word(reference)
    candidate_words = split_sentence(candidate, 1)
    reference_words = split_sentence(reference, 1)
    word_set = set()
    for word in candidate_words:
        word_set.add(word)
    for word in reference_words:
        word_set.add(word)
    tp = 0
    fp = 0
    fn = 0
    for word in word_set:
        if word in candidate_words and word in reference_words:
            tp += candidate_words[word]
        elif word in candidate_words and word not in reference_words:
            fp += candidate_words[word]
        elif word not in candidate_words and word in reference_words:
            fn += reference_words[word]
    if len(candidate_words) == 0:
        return 0, 0, 0
    elif len(reference_words) == 0:
        return 0, 0, 0
    else:
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        if tp == 0:
            return 0, 0, 0
        else:
            return 2 * precision * recall / (precision + recall), precision, recall


def score_pair(item):
    gt_value = normalize_word(item['reference'].lower())
    pred_value = normalize_word(item['prediction'].lower())
    out = {"norm_ref": gt_value, "norm_pred": pred_value, "recall": 0.0, "precision": 0.0,
           "f1": 0.0, "exact": 0.0, "closed_hit": 0}
    if item['answer_type'] == 'OPEN':
        out["exact"] = float(calculate_exactmatch(pred_value, gt_value))
        f1, precision, recall = calculate_f1score(pred_value, gt_value)
        out["f1"], out["precision"], out["recall"] = float(f1), float(precision), float(recall)
    elif item['answer_type'] == 'CLOSED':
        if 'yes' in pred_value or 'no' in pred_value:
            out["closed_hit"] = 1 if gt_value in pred_value else 0
        else:
            out["closed_hit"] = 0
    return out


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        pairs = json.load(f)
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        json.dump([score_pair(p) for p in pairs], f)


if __name__ == '__main__':
    main()
