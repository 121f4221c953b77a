package dev.ferry.rules;
final class Placeholder {}
