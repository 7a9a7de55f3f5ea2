#!/usr/bin/env bash
# Writes the question bank for review and for teachers: target/question-bank/bank.json and
# bank.md hold every flashcard and every question that seeds 0-39 generate for every kind and
# topic, from the same code as the app's quizzes.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run -q --example question_bank
