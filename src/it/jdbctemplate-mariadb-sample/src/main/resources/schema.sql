DROP TABLE IF EXISTS sale;
DROP TABLE IF EXISTS tag;
DROP TABLE IF EXISTS review;
DROP TABLE IF EXISTS book;
DROP TABLE IF EXISTS genre;
DROP TABLE IF EXISTS author;

CREATE TABLE author (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100) NOT NULL
);

CREATE TABLE genre (
  id BIGINT PRIMARY KEY,
  name VARCHAR(50) NOT NULL
);

CREATE TABLE book (
  id BIGINT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  author_id BIGINT NOT NULL,
  genre_id BIGINT NOT NULL,
  FOREIGN KEY (author_id) REFERENCES author (id),
  FOREIGN KEY (genre_id) REFERENCES genre (id)
);

CREATE TABLE review (
  id BIGINT PRIMARY KEY,
  book_id BIGINT NOT NULL,
  rating INT NOT NULL,
  FOREIGN KEY (book_id) REFERENCES book (id)
);

CREATE TABLE tag (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  book_id BIGINT NOT NULL,
  name VARCHAR(50) NOT NULL,
  FOREIGN KEY (book_id) REFERENCES book (id)
);

-- The tills' ledger, loaded each night. A sale names its book by id with no foreign key (the sales
-- of a withdrawn book stay), so MariaDB made no index on book_id, and nobody has added one.
CREATE TABLE sale (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  book_id BIGINT NOT NULL,
  copies INT NOT NULL
);
