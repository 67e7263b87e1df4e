table docs {
  id        int primary key
  embedding vector(1536)
  mood      feeling
}
