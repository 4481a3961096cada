"""Starting, waiting for and stopping the servers; training. May import Rasa."""
